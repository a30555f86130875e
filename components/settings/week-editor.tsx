"use client";

import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { ApiError, namesFields } from "@/lib/api/client";
import { useSave } from "./use-save";

type Stretch = { weekday: number; opens: string; closes: string };
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

// An agenda's week: per weekday, the stretches it is open (a break is the gap between two).
// Saved as a whole; the server names a wrong stretch by its line.
export function WeekEditor({
  agendaId,
  agendaName,
  week,
}: {
  agendaId: string;
  agendaName: string;
  week: { weekday: number; opensAt: number; closesAt: number }[];
}) {
  const t = useTranslations("settings.agendas.week");
  const tDay = useTranslations("settings.agendas.weekdays");
  const [stretches, setStretches] = useState<Stretch[]>(
    week.map((s) => ({ weekday: s.weekday, opens: hhmm(s.opensAt), closes: hhmm(s.closesAt) })),
  );
  const save = useSave("PATCH", `/api/agendas/${agendaId}`);
  const fields = save.error instanceof ApiError ? (save.error.fields ?? {}) : {};
  const problem = (index: number) =>
    Object.entries(fields)
      .find(([path]) => path === `week.${index}` || path.startsWith(`week.${index}.`))?.[1]
      ?.join(" ");
  const update = (index: number, change: Partial<Stretch>) =>
    setStretches(stretches.map((s, i) => (i === index ? { ...s, ...change } : s)));

  return (
    <form
      aria-label={t("label", { agenda: agendaName })}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ week: stretches });
      }}
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{t("label", { agenda: agendaName })}</caption>
        <tbody className="divide-y divide-slate-100">
          {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
            <tr key={weekday}>
              <th scope="row" className="w-28 py-2 pr-3 text-left align-top font-medium text-slate-700">
                {tDay(String(weekday))}
              </th>
              <td className="py-2">
                <ul className="space-y-1.5">
                  {stretches.map((s, index) =>
                    s.weekday !== weekday ? null : (
                      <li key={index} className="flex flex-wrap items-center gap-2" data-testid="opening-stretch">
                        <Input
                          type="time"
                          aria-label={t("opens", { day: tDay(String(weekday)) })}
                          value={s.opens}
                          onChange={(e) => update(index, { opens: e.target.value })}
                          className="h-8 w-36"
                          aria-invalid={problem(index) ? true : undefined}
                        />
                        <span aria-hidden>–</span>
                        <Input
                          type="time"
                          aria-label={t("closes", { day: tDay(String(weekday)) })}
                          value={s.closes}
                          onChange={(e) => update(index, { closes: e.target.value })}
                          className="h-8 w-36"
                          aria-invalid={problem(index) ? true : undefined}
                        />
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          aria-label={t("remove", { day: tDay(String(weekday)), from: s.opens })}
                          onClick={() => setStretches(stretches.filter((_, i) => i !== index))}
                        >
                          <Trash2 className="size-4" aria-hidden />
                        </Button>
                        {problem(index) ? (
                          <span role="alert" className="text-xs font-medium text-red-700">
                            {problem(index)}
                          </span>
                        ) : null}
                      </li>
                    ),
                  )}
                </ul>
                {stretches.some((s) => s.weekday === weekday) ? null : <p className="text-slate-600">{t("closed")}</p>}
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="mt-1"
                  onClick={() => setStretches([...stretches, { weekday, opens: "08:30", closes: "12:30" }])}
                >
                  <Plus className="size-4" aria-hidden /> {t("add", { day: tDay(String(weekday)) })}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {save.isError && !namesFields(save.error, "week.") ? (
        <Alert className="mt-2">{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert>
      ) : null}
      <div className="mt-3 flex items-center justify-end gap-3">
        <p role="status" className="text-sm text-slate-600">
          {save.isSuccess ? t("saved") : ""}
        </p>
        <Button type="submit" disabled={save.isPending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
