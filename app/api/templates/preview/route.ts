// POST /api/templates/preview — a template rendered for a real patient of the clinic, with the SMS segments.
import { staffRoute } from "@/lib/api/staff-route";
import { previewTemplate, templateInputSchema } from "@/lib/notifications/setup/template-editor";

export const POST = staffRoute({ permission: "manage_settings", body: templateInputSchema }, ({ ctx, body }) =>
  previewTemplate(ctx, body, new Date()),
);
