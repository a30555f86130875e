// GET /api/conversations/:id/export — the conversation as a plain-text transcript (audited).
import { staffRoute } from "@/lib/api/staff-route";
import { exportConversation } from "@/lib/conversations/export-conversation";
import { conversationIdSchema } from "@/lib/conversations/schemas";

export const GET = staffRoute({ permission: "send_messages", params: conversationIdSchema }, async ({ ctx, params }) => {
  const { fileName, text } = await exportConversation(ctx, params.id, new Date());
  return new Response(text, {
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, no-store",
    },
  });
});
