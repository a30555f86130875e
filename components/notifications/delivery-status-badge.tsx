import { useTranslations } from "next-intl";
import type { DeliveryStatus } from "@/db/schema";
import { cn } from "@/components/ui/cn";

const TONE: Record<DeliveryStatus, string> = {
  pending: "bg-slate-100 text-slate-700 ring-slate-200",
  sending: "bg-sky-50 text-sky-800 ring-sky-200",
  sent: "bg-brand-50 text-brand-700 ring-brand-100",
  delivered: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  read: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  failed: "bg-red-50 text-red-800 ring-red-200",
  bounced: "bg-red-50 text-red-800 ring-red-200",
  skipped: "bg-amber-50 text-amber-800 ring-amber-200",
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const t = useTranslations("deliveryStatus");
  return (
    <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1", TONE[status])} data-delivery-status={status}>
      {t(status)}
    </span>
  );
}

export const eventTypeKey = (type: string) => type.replace(".", "__");
