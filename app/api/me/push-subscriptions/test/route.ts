// POST /api/me/push-subscriptions/test — a test push to each of one's own browsers, with each push service's answer.
import { sendMyTestPush } from "@/lib/notifications/staff-alerts/push-subscriptions";
import { staffRoute } from "@/lib/api/staff-route";

export const POST = staffRoute({}, ({ ctx }) => sendMyTestPush(ctx, new Date()));
