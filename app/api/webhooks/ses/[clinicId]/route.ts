// POST /api/webhooks/ses/:clinicId — SES deliveries, bounces and complaints via SNS.
import { env } from "@/lib/config/env";
import { handleSesWebhook } from "@/lib/notifications/webhooks/ses-webhook";
import { webhookRoute } from "@/lib/notifications/webhooks/webhook-route";

export const POST = webhookRoute(({ db, clinicId, raw }) => {
  const pattern = env().SNS_CERT_URL_PATTERN;
  return handleSesWebhook(db, clinicId, raw, new Date(), pattern ? new RegExp(pattern) : undefined);
});
