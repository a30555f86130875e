// POST /api/templates/reset — one template back to the product's default text (audited).
import { staffRoute } from "@/lib/api/staff-route";
import { resetTemplate, templateKeySchema } from "@/lib/notifications/setup/template-editor";

export const POST = staffRoute({ permission: "manage_settings", body: templateKeySchema }, ({ ctx, body }) =>
  resetTemplate(ctx, body, new Date()),
);
