"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FieldLabel, Input } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { apiFetch } from "@/lib/api/client";
import { clockLabels, clockStyle } from "@/lib/scheduling/clock-labels";

type Slots = { timeZone: string; slots: { startsAt: string; local: string }[] };

// The free slots of an agenda on a chosen day, for a visit reason: picking one fills the time.
export function SlotPicker({
  agendaId,
  visitReasonId,
  initialDate,
  selected,
  onPick,
}: {
  agendaId: string;
  visitReasonId: string;
  initialDate: string;
  selected: string;
  onPick: (local: string) => void;
}) {
  const t = useTranslations("appointments.actions");
  const format = useFormatter();
  const id = useId();
  const [date, setDate] = useState(initialDate);
  const slots = useQuery({
    queryKey: ["slots", agendaId, visitReasonId, date],
    queryFn: () => apiFetch<Slots>(`/api/agendas/${agendaId}/slots?from=${date}&to=${date}&visitReasonId=${visitReasonId}`),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
  // The repeated hour of a fall-back night reads with its zone (1:30 AM EDT, 1:30 AM EST).
  const labels = slots.data
    ? clockLabels(
        slots.data.slots.map((s) => new Date(s.startsAt)),
        (at, withZone) => format.dateTime(at, { ...clockStyle(withZone), timeZone: slots.data.timeZone }),
      )
    : [];
  return (
    <div className="space-y-2">
      <div>
        <FieldLabel htmlFor={`${id}-day`}>{t("slotDay")}</FieldLabel>
        <Input id={`${id}-day`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div role="group" aria-label={t("freeSlots")} className="flex max-h-40 flex-wrap gap-1.5 overflow-y-auto" data-testid="move-slots">
        {slots.isPending && slots.fetchStatus !== "idle" ? <p className="text-sm text-slate-600">{t("loadingSlots")}</p> : null}
        {slots.data && slots.data.slots.length === 0 ? <p className="text-sm text-slate-600">{t("noSlots")}</p> : null}
        {slots.data?.slots.map((s, i) => (
          <button
            key={s.startsAt}
            type="button"
            aria-pressed={selected === s.local}
            onClick={() => onPick(s.local)}
            data-local={s.local}
            className={cn(
              "rounded-md px-2 py-1 text-sm tabular-nums ring-1",
              selected === s.local ? "bg-brand-600 text-white ring-brand-600" : "bg-white ring-slate-300 hover:bg-slate-50",
            )}
          >
            {labels[i]}
          </button>
        ))}
      </div>
    </div>
  );
}
