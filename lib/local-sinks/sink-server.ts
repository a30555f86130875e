import { createECDH, randomBytes } from "node:crypto";
import http from "node:http";
import http2 from "node:http2";
import net, { type AddressInfo } from "node:net";
import { decrypt } from "http_ece";
import type { Channel } from "@/db/schema";
import { SinkStore, type SinkAttachment, type SinkFault } from "./sink-store";

// Local servers that speak each provider's protocol, for the embedded default and the tests:
// 360dialog (WhatsApp), Twilio (SMS), Telegram Bot API, SES v2 (email), FCM v1 (push) and a
// Web Push endpoint that decrypts what it receives. The real adapters and SDKs talk to it
// over HTTP exactly as they would to the provider.

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
// account: the credentials the caller used (API key, account SID, access key, project…): which clinic sent it.
type Request = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders | http2.IncomingHttpHeaders;
  body: Buffer;
  httpVersion: string;
  account?: string;
};
type Route = { channel: Channel; match: RegExp; handle: (req: Request, m: RegExpMatchArray, store: SinkStore) => Reply | Promise<Reply> };

const json = (req: Request) => JSON.parse(req.body.toString("utf8") || "{}");

// Web Push subscriptions the sink hands out, with the private keys it needs to decrypt.
const subscriptions = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();

// WhatsApp media uploaded to the sink (POST /media), by id, for the messages that refer to it.
const whatsappMedia = new Map<string, SinkAttachment>();

// Which credentials a provider call carried, as each provider's API carries them.
function accountOf(channel: Channel, req: Request, m: RegExpMatchArray): string | undefined {
  const authorization = req.headers.authorization ?? "";
  switch (channel) {
    case "whatsapp":
      return String(req.headers["d360-api-key"] ?? "") || undefined;
    case "sms":
    case "telegram":
    case "push":
      return m[1];
    case "email":
      return /Credential=([^/,\s]+)\//.exec(authorization)?.[1];
    case "web_push":
      return /k=([A-Za-z0-9_-]+)/.exec(authorization)?.[1];
    default:
      return undefined;
  }
}

const ROUTES: Route[] = [
  {
    channel: "whatsapp",
    match: /^\/media$/,
    async handle(req, _m, store) {
      if (!req.headers["d360-api-key"]) return { status: 401, body: { error: { code: 0, message: "Missing D360-API-KEY" } } };
      const form = await new Response(new Uint8Array(req.body), {
        headers: { "content-type": String(req.headers["content-type"] ?? "") },
      }).formData();
      const file = form.get("file");
      if (form.get("messaging_product") !== "whatsapp" || !(file instanceof File))
        return { status: 400, body: { error: { code: 100, message: "Invalid parameter" } } };
      const id = store.nextId("media-");
      whatsappMedia.set(id, { fileName: file.name, contentType: file.type, sizeBytes: file.size });
      return { status: 200, body: { id } };
    },
  },
  {
    channel: "whatsapp",
    match: /^\/messages$/,
    handle(req, _m, store) {
      if (!req.headers["d360-api-key"]) return { status: 401, body: { error: { code: 0, message: "Missing D360-API-KEY" } } };
      const b = json(req);
      const id = store.nextId("wamid.");
      const template = b.template
        ? {
            name: b.template.name,
            language: b.template.language?.code,
            parameters: (b.template.components?.[0]?.parameters ?? []).map((p: { text: string }) => p.text),
          }
        : undefined;
      const media = b.document ?? b.image;
      if (media && !whatsappMedia.has(media.id))
        return {
          status: 400,
          body: { error: { code: 131053, message: "Media upload error", error_data: { details: "Unknown media id" } } },
        };
      const attachments = media
        ? [{ ...whatsappMedia.get(media.id)!, ...(b.document?.filename ? { fileName: b.document.filename } : {}) }]
        : undefined;
      store.record(
        { account: req.account, channel: "whatsapp", to: `+${b.to}`, text: b.text?.body ?? media?.caption, template, attachments, raw: b },
        id,
      );
      return { status: 200, body: { messaging_product: "whatsapp", contacts: [{ input: b.to, wa_id: b.to }], messages: [{ id }] } };
    },
  },
  {
    channel: "sms",
    match: /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/,
    handle(req, m, store) {
      if (!req.headers.authorization?.startsWith("Basic "))
        return { status: 401, body: { code: 20003, message: "Authenticate", status: 401 } };
      const form = new URLSearchParams(req.body.toString("utf8"));
      const sid = store.nextId("SM");
      store.record(
        { account: req.account, channel: "sms", to: form.get("To") ?? "", text: form.get("Body") ?? "", raw: Object.fromEntries(form) },
        sid,
      );
      return {
        status: 201,
        body: { sid, account_sid: m[1], to: form.get("To"), from: form.get("From"), body: form.get("Body"), status: "queued" },
      };
    },
  },
  {
    channel: "telegram",
    match: /^\/bot([^/]+)\/sendMessage$/,
    handle(req, _m, store) {
      const b = json(req);
      const id = store.nextId("");
      store.record({ account: req.account, channel: "telegram", to: String(b.chat_id), text: b.text, raw: b }, id);
      return { status: 200, body: { ok: true, result: { message_id: store.messages.length, chat: { id: b.chat_id }, text: b.text } } };
    },
  },
  {
    channel: "email",
    match: /^\/v2\/email\/outbound-emails$/,
    handle(req, _m, store) {
      const b = json(req);
      const id = store.nextId("ses-");
      const simple = b.Content?.Simple;
      store.record(
        {
          account: req.account,
          channel: "email",
          to: b.Destination?.ToAddresses?.[0] ?? "",
          subject: simple?.Subject?.Data,
          text: simple?.Body?.Text?.Data,
          html: simple?.Body?.Html?.Data,
          attachments: (simple?.Attachments as { FileName: string; ContentType: string; RawContent: string }[] | undefined)?.map((a) => ({
            fileName: a.FileName,
            contentType: a.ContentType,
            sizeBytes: Buffer.from(a.RawContent, "base64").byteLength,
          })),
          // The bytes are not kept: only what the patient would see listed.
          raw: {
            ...b,
            Content: {
              Simple: { ...simple, Attachments: simple?.Attachments?.map((a: { FileName: string }) => ({ FileName: a.FileName })) },
            },
          },
        },
        id,
      );
      return { status: 200, body: { MessageId: id } };
    },
  },
  {
    channel: "push",
    match: /^\/v1\/projects\/([^/]+)\/messages:send$/,
    handle(req, m, store) {
      if (!req.headers.authorization?.startsWith("Bearer "))
        return { status: 401, body: { error: { code: 401, status: "UNAUTHENTICATED" } } };
      const { message } = json(req);
      const id = `projects/${m[1]}/messages/${store.nextId("")}`;
      // protocol: firebase-admin's send() speaks HTTP/1.1, its batch sendEach() HTTP/2.
      store.record(
        {
          account: req.account,
          channel: "push",
          to: message.token,
          subject: message.notification?.title,
          text: message.notification?.body,
          protocol: `HTTP/${req.httpVersion}`,
          raw: message,
        },
        id,
      );
      return { status: 200, body: { name: id } };
    },
  },
  {
    channel: "web_push",
    match: /^\/push\/([a-z0-9]+)$/,
    handle(req, m, store) {
      const subscription = subscriptions.get(m[1]);
      if (!subscription) return { status: 410, body: "subscription gone" };
      const id = store.nextId("push-");
      const stored = store.record(
        { account: req.account, channel: "web_push", to: m[1], raw: { authorization: req.headers.authorization } },
        id,
      );
      // A push service never reads the payload (it is end-to-end encrypted to the browser):
      // the sink decrypts it with the browser's keys when someone first looks, as the browser
      // would on arrival, so a burst of thousands costs the sink what it costs a real one.
      let payload: { title?: string; body?: string } | undefined;
      const open = () =>
        (payload ??= JSON.parse(
          decrypt(req.body, { version: "aes128gcm", privateKey: subscription.ecdh, authSecret: subscription.auth }).toString("utf8"),
        ) as { title?: string; body?: string });
      Object.defineProperties(stored, {
        subject: { get: () => open().title, enumerable: true },
        text: { get: () => open().body, enumerable: true },
      });
      Object.defineProperty(stored.raw, "payload", { get: open, enumerable: true });
      return { status: 201, body: "", headers: { location: `/push/${m[1]}/${id}` } };
    },
  },
];

export type SinkServer = {
  url: string;
  store: SinkStore;
  close: () => Promise<void>;
  newWebPushSubscription: () => { endpoint: string; keys: { p256dh: string; auth: string } };
};

function send(res: http.ServerResponse | http2.Http2ServerResponse, reply: Reply) {
  const isJson = typeof reply.body !== "string";
  res.writeHead(reply.status, { "content-type": isJson ? "application/json" : "text/plain", ...reply.headers });
  (res as http.ServerResponse).end(isJson ? JSON.stringify(reply.body) : String(reply.body));
}

export async function startSinkServer(port = 0, host = "127.0.0.1"): Promise<SinkServer> {
  const store = new SinkStore();
  let url = "";
  const newWebPushSubscription = () => {
    const id = randomBytes(8).toString("hex");
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const auth = randomBytes(16);
    subscriptions.set(id, { ecdh, auth });
    return { endpoint: `${url}/push/${id}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } };
  };

  const handle = (req: http.IncomingMessage | http2.Http2ServerRequest, res: http.ServerResponse | http2.Http2ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const path = (req.url ?? "/").split("?")[0];
      const request: Request = {
        method: req.method ?? "GET",
        path,
        headers: req.headers,
        body: Buffer.concat(chunks),
        httpVersion: req.httpVersion,
      };
      try {
        // ?account=…&account=…: one clinic's messages only (the app asks for the caller's clinic).
        const accounts = new URL(req.url ?? "/", "http://sink").searchParams.getAll("account");
        if (path === "/_sink/messages" && request.method === "GET") {
          return send(res, {
            status: 200,
            body: { messages: accounts.length ? store.messages.filter((m) => m.account && accounts.includes(m.account)) : store.messages },
          });
        }
        if (path === "/_sink/messages" && request.method === "DELETE") {
          if (accounts.length) store.forget((m) => Boolean(m.account && accounts.includes(m.account)));
          else store.clear();
          return send(res, { status: 204, body: "" });
        }
        if (path === "/_sink/faults" && request.method === "POST") {
          const { channel, faults } = json(request) as { channel: Channel; faults: SinkFault[] };
          store.queueFaults(channel, faults);
          return send(res, { status: 204, body: "" });
        }
        if (path === "/_sink/web-push-subscriptions" && request.method === "POST")
          return send(res, { status: 201, body: newWebPushSubscription() });
        for (const route of ROUTES) {
          const m = path.match(route.match);
          if (!m || request.method !== "POST") continue;
          store.countCall(route.channel);
          request.account = accountOf(route.channel, request, m);
          const fault = store.takeFault(route.channel);
          if (fault) {
            const reply = fault.acceptThenHang ? await route.handle(request, m, store) : fault;
            if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
            if (!res.destroyed) send(res, reply);
            return;
          }
          return send(res, await route.handle(request, m, store));
        }
        send(res, { status: 404, body: { error: `no sink at ${request.method} ${path}` } });
      } catch (error) {
        send(res, { status: 400, body: { error: error instanceof Error ? error.message : String(error) } });
      }
    });
  };
  // One port, both protocols, as FCM serves them: HTTP/1.1 (firebase-admin's send, the other
  // providers) and HTTP/2 without TLS (sendEach, redirected here by push-fcm.ts). A
  // connection's first bytes say which: HTTP/2 opens with its fixed preface.
  const http1 = http.createServer(handle);
  http1.keepAliveTimeout = 30_000;
  const h2c = http2.createServer({ peerMaxConcurrentStreams: 1000 }, handle);
  const connections = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections.add(socket);
    socket.once("close", () => connections.delete(socket));
    socket.once("readable", () => {
      const head: Buffer | null = socket.read(3);
      if (head) socket.unshift(head);
      (head?.toString("latin1") === "PRI" ? h2c : http1).emit("connection", socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    newWebPushSubscription,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of connections) socket.destroy();
        http1.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
