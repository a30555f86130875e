// POST /api/webhooks/sms/:clinicId — SMS status callbacks and incoming SMS (STOP/START/HELP).
import { smsWebhook } from "@/lib/webhooks/sms";
import { webhookRoute } from "@/lib/webhooks/webhook-route";

export const POST = webhookRoute(smsWebhook);
