// GET /api/templates?event=… — an event's templates, every channel × language, and the variables.
// PUT — save one (400 naming unknown variables or a text that does not compile; audited).
import { staffRoute } from "@/lib/api/staff-route";
import { eventQuerySchema, listTemplates, saveTemplate, templateInputSchema } from "@/lib/notifications/setup/template-editor";

export const GET = staffRoute({ permission: "manage_settings", query: eventQuerySchema }, ({ ctx, query }) =>
  listTemplates(ctx, query.event),
);

export const PUT = staffRoute({ permission: "manage_settings", body: templateInputSchema }, ({ ctx, body }) =>
  saveTemplate(ctx, body, new Date()),
);
