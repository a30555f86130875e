"use client";

import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/field";
import { ApiError } from "@/lib/api/client";

export type Match = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  phoneDisplay: string | null;
  active: boolean;
  matchedBy: ("name_and_birth_date" | "mobile")[];
};

// The records the server found for a new patient (a 409 possible_duplicate), or null.
export function possibleDuplicates(error: unknown): Match[] | null {
  if (!(error instanceof ApiError) || error.code !== "possible_duplicate") return null;
  const matches = (error.details as { matches?: Match[] } | undefined)?.matches;
  return matches?.length ? matches : null;
}

// Shown in place of creating: reception opens the record that exists, or says why this is
// another person (a child sharing a parent's mobile) and creates it anyway; the reason is
// kept in the audit trail.
// In the booking dialog a match is chosen in place (`onChoose`) rather than opened.
export function DuplicateMatches({
  matches,
  pending,
  onCreateAnyway,
  onChoose,
}: {
  matches: Match[];
  pending: boolean;
  onCreateAnyway: (reason: string) => void;
  onChoose?: (match: Match) => void;
}) {
  const t = useTranslations("patientForm.duplicates");
  const format = useFormatter();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  // Focus moves to the news, so a keyboard or screen-reader user hears it at once.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className="font-semibold text-amber-950 outline-none">
        {t("title", { count: matches.length })}
      </h2>
      <ul aria-label={t("listLabel")} className="space-y-2">
        {matches.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 rounded bg-white p-3 ring-1 ring-amber-200">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-slate-900">
                {m.firstName} {m.lastName}
                {m.active ? null : <span className="ml-2 text-xs font-normal text-slate-600">{t("inactive")}</span>}
              </p>
              <p className="text-slate-700">
                {[
                  m.dateOfBirth
                    ? t("born", { date: format.dateTime(new Date(`${m.dateOfBirth}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) })
                    : null,
                  m.phoneDisplay,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              <p className="text-xs text-amber-900">{m.matchedBy.map((why) => t(`matchedBy.${why}`)).join(" · ")}</p>
            </div>
            {onChoose ? (
              <Button type="button" variant="secondary" size="sm" onClick={() => onChoose(m)}>
                {t("choose", { name: `${m.firstName} ${m.lastName}` })}
              </Button>
            ) : (
              <Button asChild variant="secondary" size="sm">
                <Link href={`/patients/${m.id}`}>{t("open", { name: `${m.firstName} ${m.lastName}` })}</Link>
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-end gap-2">
        <FormField
          id={`${id}-reason`}
          label={t("reason")}
          hint={t("reasonHint")}
          error={missing ? t("reasonMissing") : undefined}
          className="min-w-0 flex-1"
        >
          {(c) => (
            <Input
              {...c}
              value={reason}
              maxLength={300}
              autoComplete="off"
              className="w-full"
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
              // Enter here means "create anyway", not the form's first submit again.
              onKeyDown={(e) => {
                if (e.key !== "Enter") return;
                e.preventDefault();
                if (reason.trim()) onCreateAnyway(reason.trim());
                else setMissing(true);
              }}
            />
          )}
        </FormField>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => (reason.trim() ? onCreateAnyway(reason.trim()) : setMissing(true))}
        >
          {t("createAnyway")}
        </Button>
      </div>
    </section>
  );
}
