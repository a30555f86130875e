// POST /api/webhooks/ses/:clinicId — SES deliveries, bounces, complaints and inbound mail via SNS.
import { sesWebhook } from "@/lib/webhooks/ses";
import { webhookRoute } from "@/lib/webhooks/webhook-route";

export const POST = webhookRoute(sesWebhook());
