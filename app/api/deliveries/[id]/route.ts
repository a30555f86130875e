// GET /api/deliveries/:id — one delivery: decision, attempts, receipts, event.
import { staffRoute } from "@/lib/api/staff-route";
import { getDelivery } from "@/lib/notifications/log/get-delivery";
import { deliveryIdSchema } from "@/lib/notifications/log/schemas";

export const GET = staffRoute({ permission: "view_deliveries", params: deliveryIdSchema }, ({ ctx, params }) =>
  getDelivery(ctx, params.id),
);
