import { useTranslations } from "next-intl";
import type { AppointmentStatus } from "@/db/schema";
import { StatusPill, type Tone } from "@/components/ui/status-pill";

const TONE: Record<AppointmentStatus, Tone> = {
  pending_approval: "warning",
  confirmed: "brand",
  in_waiting_room: "special",
  with_doctor: "warning",
  seen: "info",
  completed: "success",
  no_show: "danger",
  excused_absence: "neutral",
  cancelled: "muted",
};

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const t = useTranslations("status");
  return (
    <StatusPill
      tone={TONE[status]}
      label={t(status)}
      className={status === "cancelled" ? "line-through" : undefined}
      data-status={status}
    />
  );
}
