import { useTranslations } from "next-intl";
import type { AppointmentStatus } from "@/db/schema";
import { cn } from "@/components/ui/cn";

const TONE: Record<AppointmentStatus, string> = {
  pending_approval: "bg-amber-50 text-amber-800 ring-amber-200",
  confirmed: "bg-brand-50 text-brand-700 ring-brand-100",
  in_waiting_room: "bg-violet-50 text-violet-800 ring-violet-200",
  seen: "bg-sky-50 text-sky-800 ring-sky-200",
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  no_show: "bg-red-50 text-red-800 ring-red-200",
  excused_absence: "bg-slate-100 text-slate-700 ring-slate-200",
  cancelled: "bg-slate-100 text-slate-500 ring-slate-200 line-through",
};

export function StatusBadge({ status }: { status: AppointmentStatus }) {
  const t = useTranslations("status");
  return (
    <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1", TONE[status])} data-status={status}>
      {t(status)}
    </span>
  );
}
