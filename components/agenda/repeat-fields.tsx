"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError } from "@/lib/api/client";

export type Repeat = { intervalWeeks: number; count: number } | null;
type Unavailable = { at: string; problem: string };

const INTERVALS = [1, 2, 3, 4];

// The booking dialog's "Repeat": every N weeks, so many appointments in all.
export function RepeatFields({
  id,
  repeat,
  onChange,
  error,
}: {
  id: string;
  repeat: Repeat;
  onChange: (next: Repeat) => void;
  // The server's word on the number of appointments, if it refused it.
  error?: string;
}) {
  const t = useTranslations("agenda.booking");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField id={`${id}-repeat`} label={t("repeat")}>
        {(c) => (
          <Select
            {...c}
            value={repeat?.intervalWeeks ?? 0}
            onChange={(e) => {
              const weeks = Number(e.target.value);
              onChange(weeks ? { intervalWeeks: weeks, count: repeat?.count ?? 10 } : null);
            }}
            className="w-full"
          >
            <option value={0}>{t("repeatNone")}</option>
            {INTERVALS.map((weeks) => (
              <option key={weeks} value={weeks}>
                {t("repeatEvery", { weeks })}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {repeat ? (
        <FormField id={`${id}-count`} label={t("count")} hint={t("countHint")} error={error}>
          {(c) => (
            <Input
              {...c}
              type="number"
              min={2}
              max={52}
              required
              value={repeat.count}
              onChange={(e) => onChange({ ...repeat, count: Number(e.target.value) })}
              className="w-24"
            />
          )}
        </FormField>
      ) : null}
    </div>
  );
}

// The dates of a series that cannot be booked (a 409 series_unavailable), if that is the refusal.
export function unavailableDates(error: unknown): Unavailable[] | null {
  if (!(error instanceof ApiError) || error.code !== "series_unavailable") return null;
  return (error.details as { unavailable?: Unavailable[] } | undefined)?.unavailable ?? [];
}

// Which dates, and why, with the choice to book the others.
export function SeriesUnavailable({
  dates,
  total,
  timeZone,
  pending,
  onBookOthers,
}: {
  dates: Unavailable[];
  total: number;
  timeZone: string;
  pending: boolean;
  onBookOthers: () => void;
}) {
  const t = useTranslations("agenda.booking");
  const format = useFormatter();
  const others = total - dates.length;
  return (
    <div
      role="alert"
      className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200"
      data-testid="series-unavailable"
    >
      <p>{t("unavailable", { count: dates.length })}</p>
      <ul className="list-disc pl-5">
        {dates.map((d) => (
          <li key={d.at}>
            {t("unavailableAt", {
              when: format.dateTime(new Date(d.at), { dateStyle: "medium", timeStyle: "short", timeZone }),
              reason: t(`unavailableReason.${d.problem}`),
            })}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={onBookOthers}>
          {t("bookOthers", { count: others })}
        </Button>
      ) : null}
    </div>
  );
}
