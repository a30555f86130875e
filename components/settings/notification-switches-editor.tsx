"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api/client";
import { useSave } from "./use-save";

type LastChange = { by: string; at: string } | null;
type Cell = { on: boolean; lastChange: LastChange };
type AgendaRow = { id: string; name: string; switches: Record<string, Cell> };
type ReasonRow = { id: string; name: string; notificationsEnabled: boolean; lastChange: LastChange };

const CHANNELS = ["sms", "email", "whatsapp", "push"] as const;

// One switch: saved as soon as it is flipped; the page is then read again, so what shows is
// what was stored, with who changed it and when.
function Switch({
  label,
  on,
  lastChange,
  timeZone,
  onChange,
  busy,
}: {
  label: string;
  on: boolean;
  lastChange: LastChange;
  timeZone: string;
  onChange: (on: boolean) => void;
  busy: boolean;
}) {
  const t = useTranslations("settings.switches");
  const format = useFormatter();
  return (
    <label className="flex flex-col items-start gap-0.5 text-sm">
      <span className="inline-flex items-center gap-1.5">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-checked={on}
          disabled={busy}
          aria-label={label}
          onChange={(e) => onChange(e.target.checked)}
          className="h-4 w-4"
        />
        <span aria-hidden="true" className={on ? "text-emerald-800" : "font-medium text-red-800"}>
          {on ? t("on") : t("off")}
        </span>
      </span>
      {lastChange ? (
        <span className="text-xs text-slate-600">
          {t("lastChange", { name: lastChange.by, date: format.dateTime(new Date(lastChange.at), { dateStyle: "medium", timeZone }) })}
        </span>
      ) : null}
    </label>
  );
}

export function NotificationSwitchesEditor({
  agendas,
  visitReasons,
  timeZone,
}: {
  agendas: AgendaRow[];
  visitReasons: ReasonRow[];
  timeZone: string;
}) {
  const t = useTranslations("settings.switches");
  const tChannel = useTranslations("channels");
  const save = useSave("PATCH", "/api/notification-switches");
  const [announce, setAnnounce] = useState("");
  const change = (body: unknown, said: string) => save.mutate(body, { onSuccess: () => setAnnounce(said), onError: () => setAnnounce("") });
  return (
    <div className="space-y-6">
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      {save.error ? <Alert>{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert> : null}
      <p role="status" className="text-sm text-slate-700">
        {announce}
      </p>
      <section aria-labelledby="switches-agendas">
        <h2 id="switches-agendas" className="mb-2 font-semibold">
          {t("agendas")}
        </h2>
        {agendas.length ? (
          <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("agenda")}
                  </th>
                  {CHANNELS.map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 font-medium">
                      {c === "sms" ? t("smsColumn") : tChannel(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {agendas.map((a) => (
                  <tr key={a.id} data-testid="switch-agenda">
                    <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                      {a.name}
                    </th>
                    {CHANNELS.map((c) => (
                      <td key={c} className="px-3 py-2 align-top">
                        <Switch
                          label={t("agendaSwitch", { channel: tChannel(c), agenda: a.name })}
                          on={a.switches[c].on}
                          lastChange={a.switches[c].lastChange}
                          timeZone={timeZone}
                          busy={save.isPending}
                          onChange={(on) =>
                            change(
                              { target: "agenda", id: a.id, switch: c, on },
                              t("savedAgenda", { channel: tChannel(c), agenda: a.name, on: String(on) }),
                            )
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t("noAgendas")}</p>
        )}
      </section>
      <section aria-labelledby="switches-reasons">
        <h2 id="switches-reasons" className="mb-2 font-semibold">
          {t("visitReasons")}
        </h2>
        <p className="mb-2 max-w-prose text-sm text-slate-700">{t("visitReasonsIntro")}</p>
        {visitReasons.length ? (
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {visitReasons.map((r) => (
              <li
                key={r.id}
                className="flex items-start justify-between gap-3 rounded-lg bg-white p-3 ring-1 ring-slate-200"
                data-testid="switch-visit-reason"
              >
                <span className="font-medium text-slate-900">{r.name}</span>
                <Switch
                  label={t("reasonSwitch", { reason: r.name })}
                  on={r.notificationsEnabled}
                  lastChange={r.lastChange}
                  timeZone={timeZone}
                  busy={save.isPending}
                  onChange={(on) => change({ target: "visit_reason", id: r.id, on }, t("savedReason", { reason: r.name, on: String(on) }))}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("noVisitReasons")}</p>
        )}
      </section>
    </div>
  );
}
