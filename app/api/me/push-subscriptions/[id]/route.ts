// DELETE /api/me/push-subscriptions/:id — stop browser push on one of one's own browsers.
import { pushSubscriptionIdSchema, removeMyPushSubscription } from "@/lib/notifications/staff-alerts/push-subscriptions";
import { staffRoute } from "@/lib/api/staff-route";

export const DELETE = staffRoute({ params: pushSubscriptionIdSchema }, ({ ctx, params }) =>
  removeMyPushSubscription(ctx, params.id, new Date()),
);
