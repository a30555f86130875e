// GET /api/deliveries/export?… — the Notifications log's search as CSV, streamed (audited).
import { staffRoute } from "@/lib/api/staff-route";
import { exportDeliveries } from "@/lib/notifications/log/export-deliveries";
import { deliveryLogQuerySchema } from "@/lib/notifications/log/schemas";

export const GET = staffRoute({ permission: "view_deliveries", query: deliveryLogQuerySchema }, async ({ ctx, query }) => {
  const now = new Date();
  return new Response(await exportDeliveries(ctx, query, now), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="deliveries-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
