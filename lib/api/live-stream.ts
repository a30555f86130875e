import { getDatabaseHandle } from "@/db/client";
import { hubChangeFeed, type HubChange } from "@/lib/realtime/hub-changes";

const HEARTBEAT_MS = 20_000;
const RECHECK_SESSION_MS = 5 * 60_000;

// A server-sent events stream of the clinic's live changes, each turned into an event by
// `pick` (or dropped). Browsers reconnect by themselves; the stream is closed every few minutes
// so the session and permission are checked again on reconnect.
export async function liveStream(
  request: Request,
  clinicId: string,
  pick: (change: HubChange) => { event: string; data: unknown } | null,
): Promise<Response> {
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      // The client may be gone before the abort signal says so: a write that finds the stream
      // closed ends it here, not as an uncaught exception from the change feed's callback.
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = await hubChangeFeed(getDatabaseHandle()).subscribe(clinicId, (change) => {
        const picked = pick(change);
        if (picked) write(`event: ${picked.event}\ndata: ${JSON.stringify(picked.data)}\n\n`);
      });
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      const recheck = setTimeout(() => stop(), RECHECK_SESSION_MS);
      stop = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        clearTimeout(recheck);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      request.signal.addEventListener("abort", () => stop());
      // Gone while the feed was being subscribed to: nothing would ever call stop otherwise.
      if (request.signal.aborted) return stop();
      write("retry: 3000\nevent: ready\ndata: {}\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}
