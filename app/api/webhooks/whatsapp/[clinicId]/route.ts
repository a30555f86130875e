// POST /api/webhooks/whatsapp/:clinicId — 360dialog statuses and incoming WhatsApp messages.
// GET — Meta's subscription handshake.
import { handshakeRoute, webhookRoute } from "@/lib/webhooks/webhook-route";
import { whatsappHandshake, whatsappWebhook } from "@/lib/webhooks/whatsapp";

export const POST = webhookRoute(whatsappWebhook);
export const GET = handshakeRoute(whatsappHandshake);
