import http from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { qstashQueue } from "./event-queue";

// The real QStash SDK against a local server: what it would send to QStash.
let server: http.Server;
let baseUrl = "";
const received: { url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ url: req.url ?? "", headers: req.headers, body });
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ messageId: "msg_1" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the QStash queue", () => {
  it("publishes the event id to the job route, deduplicated on it, at most 10 in parallel", async () => {
    const queue = qstashQueue(
      new Client({ baseUrl, token: "test-token", enableTelemetry: false }),
      "https://clinic.example.com/api/jobs/events",
    );
    await queue.enqueue("5f1a3c1e-6b59-4c2e-9d6c-0a6f6b1f7d21");
    const [call] = received;
    expect(call.url).toBe("/v2/publish/https://clinic.example.com/api/jobs/events");
    expect(JSON.parse(call.body)).toEqual({ eventId: "5f1a3c1e-6b59-4c2e-9d6c-0a6f6b1f7d21" });
    expect(call.headers).toMatchObject({
      authorization: "Bearer test-token",
      "upstash-deduplication-id": "5f1a3c1e-6b59-4c2e-9d6c-0a6f6b1f7d21",
      "upstash-retries": "5",
      "upstash-flow-control-key": "notification-events",
    });
    expect(call.headers["upstash-flow-control-value"]).toContain("parallelism=10");
  });

  it("publishes many events a hundred per request, each deduplicated on its id", async () => {
    received.length = 0;
    const queue = qstashQueue(
      new Client({ baseUrl, token: "test-token", enableTelemetry: false }),
      "https://clinic.example.com/api/jobs/events",
    );
    const ids = Array.from({ length: 150 }, (_, i) => `5f1a3c1e-6b59-4c2e-9d6c-${String(i).padStart(12, "0")}`);
    await queue.enqueueMany(ids);
    expect(received.map((r) => r.url)).toEqual(["/v2/batch", "/v2/batch"]);
    const messages = received.flatMap(
      (r) => JSON.parse(r.body) as { destination: string; body: string; headers: Record<string, string> }[],
    );
    expect(messages).toHaveLength(150);
    expect(messages[149]).toMatchObject({
      destination: "https://clinic.example.com/api/jobs/events",
      headers: { "upstash-deduplication-id": ids[149], "upstash-retries": "5" },
    });
    expect(JSON.parse(messages[149].body)).toEqual({ eventId: ids[149] });
  });
});
