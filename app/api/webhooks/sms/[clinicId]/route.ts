// POST /api/webhooks/sms/:clinicId — SMS status callbacks and incoming SMS (STOP/START/HELP).
import { appUrl } from "@/lib/config/env";
import { handleSmsWebhook } from "@/lib/notifications/webhooks/sms-webhook";
import { webhookRoute } from "@/lib/notifications/webhooks/webhook-route";

export const POST = webhookRoute(({ db, clinicId, raw, request }) =>
  // The signature covers the URL the provider called: our public URL, not the proxy's view.
  handleSmsWebhook(db, clinicId, raw, request.headers.get("x-twilio-signature"), `${appUrl()}/api/webhooks/sms/${clinicId}`, new Date()),
);
