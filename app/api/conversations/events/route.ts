// GET /api/conversations/events — the inbox's live feed (server-sent events): one "change"
// event per conversation that changed in the staff member's clinic. Browsers reconnect by
// themselves; the stream is closed every few minutes so the session and permission are
// checked again on reconnect.
import { getDatabaseHandle } from "@/db/client";
import { staffRoute } from "@/lib/api/staff-route";
import { hubChangeFeed } from "@/lib/realtime/hub-changes";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 20_000;
const RECHECK_SESSION_MS = 5 * 60_000;

export const GET = staffRoute({ permission: "send_messages" }, async ({ ctx, request }) => {
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = await hubChangeFeed(getDatabaseHandle()).subscribe(ctx.clinicId, ({ conversationId }) =>
        write(`event: change\ndata: ${JSON.stringify({ conversationId })}\n\n`),
      );
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
      write("retry: 3000\nevent: ready\ndata: {}\n\n");
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
});
