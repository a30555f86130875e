"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { eventTypeKey } from "@/components/notifications/delivery-status-badge";
import { Alert } from "@/components/ui/alert";
import { ApiError } from "@/lib/api/client";
import { useSave } from "./use-save";

type EventRow = { eventType: string; channels: string[]; isDefault: boolean; defaultChannels: string[] };

// Each patient event's channels, saved as each box is ticked; the page is then read again.
export function EventChannelsEditor({ events, channels }: { events: EventRow[]; channels: readonly string[] }) {
  const t = useTranslations("settings.eventChannels");
  const tEvent = useTranslations("eventTypes");
  const tChannel = useTranslations("channels");
  const save = useSave("PUT", "/api/event-channels");
  const [announce, setAnnounce] = useState("");
  return (
    <div className="space-y-4">
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      {save.error ? <Alert>{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert> : null}
      <p role="status" className="text-sm text-slate-700">
        {announce}
      </p>
      <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("event")}
              </th>
              {channels.map((c) => (
                <th key={c} scope="col" className="px-3 py-2 font-medium">
                  {tChannel(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => {
              const name = tEvent(eventTypeKey(e.eventType));
              return (
                <tr key={e.eventType} data-testid="event-channels" data-event={e.eventType}>
                  <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                    {name}
                    {e.isDefault ? <span className="ml-1 text-xs font-normal text-slate-600">({t("default")})</span> : null}
                  </th>
                  {channels.map((c) => (
                    <td key={c} className="px-3 py-2">
                      <input
                        type="checkbox"
                        className="h-4 w-4"
                        aria-label={t("cell", { channel: tChannel(c), event: name })}
                        checked={e.channels.includes(c)}
                        disabled={save.isPending}
                        onChange={(ev) => {
                          const next = ev.target.checked ? [...e.channels, c] : e.channels.filter((x) => x !== c);
                          save.mutate(
                            { eventType: e.eventType, channels: next },
                            { onSuccess: () => setAnnounce(t("saved", { event: name })) },
                          );
                        }}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="max-w-prose text-xs text-slate-600">{t("reminderNote")}</p>
    </div>
  );
}
