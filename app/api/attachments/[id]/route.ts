// GET /api/attachments/:id — download a message's attachment (staff of the same clinic who
// use the inbox).
import { z } from "zod";
import { staffRoute } from "@/lib/api/staff-route";
import { downloadAttachment } from "@/lib/attachments/download-attachment";

export const GET = staffRoute(
  { permission: "send_messages", params: z.object({ id: z.uuid("must be an attachment id") }) },
  ({ ctx, params }) => downloadAttachment(ctx, params.id),
);
