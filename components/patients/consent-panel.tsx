"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useSave } from "@/components/settings/use-save";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel, Select } from "@/components/ui/field";
import { ApiError, fieldError } from "@/lib/api/client";

type Entry = { id: string; channel: string; state: string; source: string; reason: string | null; at: string; by: string | null };
const CHANNELS = ["whatsapp", "sms", "email"] as const;

// A patient's consent per channel: the latest choice, its history (who recorded it, from
// what), and, for those who may, a form to record an opt-in or opt-out heard by staff.
export function ConsentPanel({
  patientId,
  history,
  mayRecord,
  timeZone,
}: {
  patientId: string;
  history: Entry[];
  mayRecord: boolean;
  timeZone: string;
}) {
  const t = useTranslations("patient.consent");
  const tChannel = useTranslations("channels");
  const format = useFormatter();
  const id = useId();
  const [channel, setChannel] = useState<string>("whatsapp");
  const [state, setState] = useState<string>("opted_in");
  const [source, setSource] = useState<string>("paper_form");
  const save = useSave("POST", `/api/patients/${patientId}/consent`);
  const label = (key: "states" | "sources", value: string) => (t.has(`${key}.${value}`) ? t(`${key}.${value}`) : value);
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {CHANNELS.map((c) => {
          const latest = history.find((h) => h.channel === c);
          return (
            <div key={c} className="contents" data-testid="consent-current" data-channel={c}>
              <dt className="text-slate-600">{tChannel(c)}</dt>
              <dd>{latest ? label("states", latest.state) : t("noRecord")}</dd>
            </div>
          );
        })}
      </dl>
      {history.length ? (
        <details>
          <summary className="cursor-pointer font-medium text-slate-700">{t("history", { count: history.length })}</summary>
          <ol className="mt-2 space-y-1" data-testid="consent-history">
            {history.map((h) => (
              <li key={h.id} className="text-slate-700">
                <time className="tabular-nums text-xs text-slate-600" dateTime={h.at}>
                  {format.dateTime(new Date(h.at), { dateStyle: "medium", timeStyle: "short", timeZone })}
                </time>{" "}
                {t("entry", { channel: tChannel(h.channel), state: label("states", h.state), source: label("sources", h.source) })}
                {h.by ? ` ${t("by", { name: h.by })}` : ""}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {mayRecord ? (
        <form
          className="grid gap-2 border-t border-slate-100 pt-3 sm:grid-cols-3"
          aria-label={t("record")}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ channel, state, source });
          }}
        >
          <div>
            <FieldLabel htmlFor={`${id}-channel`}>{t("channel")}</FieldLabel>
            <Select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(e.target.value)} className="w-full">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {tChannel(c)}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <FieldLabel htmlFor={`${id}-state`}>{t("choice")}</FieldLabel>
            <Select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value)} className="w-full">
              <option value="opted_in">{label("states", "opted_in")}</option>
              <option value="opted_out">{label("states", "opted_out")}</option>
            </Select>
          </div>
          <div>
            <FieldLabel htmlFor={`${id}-source`}>{t("source")}</FieldLabel>
            <Select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)} className="w-full">
              {["paper_form", "verbal", "portal"].map((s) => (
                <option key={s} value={s}>
                  {label("sources", s)}
                </option>
              ))}
            </Select>
          </div>
          {fieldError(save.error, "channel") ? (
            <p role="alert" className="text-sm text-red-700 sm:col-span-3">
              {fieldError(save.error, "channel")}
            </p>
          ) : save.error ? (
            <Alert className="sm:col-span-3">{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert>
          ) : null}
          <div className="flex items-center gap-3 sm:col-span-3">
            <Button type="submit" size="sm" variant="secondary" disabled={save.isPending}>
              {t("save")}
            </Button>
            <span role="status" className="text-slate-600">
              {save.isSuccess ? t("saved") : ""}
            </span>
          </div>
        </form>
      ) : null}
    </div>
  );
}
