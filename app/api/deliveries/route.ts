// GET /api/deliveries — the delivery log (filters: patient, event, channel, status, from, to; keyset cursor).
import { staffRoute } from "@/lib/api/staff-route";
import { listDeliveries } from "@/lib/notifications/log/list-deliveries";
import { deliveryLogQuerySchema } from "@/lib/notifications/log/schemas";

export const GET = staffRoute({ permission: "view_deliveries", query: deliveryLogQuerySchema }, ({ ctx, query }) =>
  listDeliveries(ctx, query),
);
