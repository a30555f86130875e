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
