import { useTranslations } from "next-intl";
import type { DeliveryStatus } from "@/db/schema";
import { StatusPill, type Tone } from "@/components/ui/status-pill";

const TONE: Record<DeliveryStatus, Tone> = {
  pending: "neutral",
  sending: "info",
  sent: "brand",
  delivered: "success",
  read: "strongSuccess",
  failed: "danger",
  bounced: "danger",
  skipped: "warning",
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useTranslations("deliveryStatus");
  return <StatusPill tone={TONE[status]} label={t(status)} data-delivery-status={status} />;
}

export const eventTypeKey = (type: string) => type.replace(".", "__");

// The address a delivery went to, as support reads it: an in-app alert's address is the staff
// member (named beside it), a push token or endpoint only by its end.
export function deliveryAddressLabel(d: { channel: string; address: string }): string | null {
  if (!d.address || d.channel === "in_app") return null;
  return d.channel === "push" || d.channel === "web_push" ? `…${d.address.slice(-10)}` : d.address;
}
