// POST /api/webhooks/whatsapp/:clinicId — 360dialog statuses and incoming WhatsApp messages.
// GET — Meta's subscription handshake (hub.verify_token is the clinic's webhook secret).
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { clinicChannelConfig } from "@/lib/notifications/providers/registry";
import { safeEqual } from "@/lib/notifications/webhooks/signatures";
import { webhookRoute } from "@/lib/notifications/webhooks/webhook-route";
import { handleWhatsappWebhook } from "@/lib/notifications/webhooks/whatsapp-webhook";

export const POST = webhookRoute(({ db, clinicId, raw, request }) => handleWhatsappWebhook(db, clinicId, raw, request.headers.get("x-hub-signature-256")));

export async function GET(request: NextRequest, context: { params: Promise<{ clinicId: string }> }) {
  const q = request.nextUrl.searchParams;
  const { clinicId } = await context.params;
  const config = /^[0-9a-f-]{36}$/i.test(clinicId) ? await clinicChannelConfig(getDb(), clinicId, "whatsapp") : null;
  if (q.get("hub.mode") !== "subscribe" || !config || !safeEqual(q.get("hub.verify_token") ?? "", config.webhookSecret)) {
    return NextResponse.json({ error: { code: "forbidden", message: "Verification failed." } }, { status: 403 });
  }
  return new NextResponse(q.get("hub.challenge") ?? "", { status: 200 });
}
