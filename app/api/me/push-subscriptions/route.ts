// GET /api/me/push-subscriptions — the clinic's VAPID public key and the signed-in staff
// member's subscribed browsers. POST — this browser's subscription (PushSubscription.toJSON()).
import {
  listMyPushSubscriptions,
  pushSubscriptionSchema,
  saveMyPushSubscription,
} from "@/lib/notifications/staff-alerts/push-subscriptions";
import { staffRoute } from "@/lib/api/staff-route";

export const GET = staffRoute({}, ({ ctx }) => listMyPushSubscriptions(ctx));

export const POST = staffRoute({ body: pushSubscriptionSchema }, ({ ctx, body }) => saveMyPushSubscription(ctx, body, new Date()));
