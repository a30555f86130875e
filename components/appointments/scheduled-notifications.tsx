import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { DeliveryStatusBadge } from "@/components/notifications/delivery-status-badge";
import type { ReminderView } from "@/lib/reminders/reminders-of";

// An appointment's reminders: what goes out when (clinic time), on which channels in which
// order, what was sent (each delivery links to the Notifications log), and what was skipped
// or cancelled and why. `compact` on the patient record: one line per reminder.
export function ScheduledNotifications({
  reminders,
  timeZone,
  compact = false,
}: {
  reminders: ReminderView[];
  timeZone: string;
  compact?: boolean;
}) {
  const t = useTranslations("reminders");
  const tChannel = useTranslations("channels");
  const tStatus = useTranslations("deliveryStatus");
  const format = useFormatter();
  const when = (d: Date) =>
    format.dateTime(
      d,
      compact
        ? { dateStyle: "short", timeStyle: "short", timeZone }
        : { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone },
    );
  const offset = (minutes: number) =>
    minutes % 60 === 0 ? t("offsetHours", { count: minutes / 60 }) : t("offsetMinutes", { count: minutes });
  const reason = (code: string | null) => (t.has(`reasons.${code}`) ? t(`reasons.${code}`) : t("reasons.unknown"));
  const backupReason = (code: string | null) => (t.has(`backupReasons.${code}`) ? t(`backupReasons.${code}`) : t("backupReasons.unknown"));

  if (!reminders.length) return compact ? null : <p className="text-sm text-slate-600">{t("empty")}</p>;

  const statusLine = (r: ReminderView) =>
    r.status === "scheduled"
      ? `${t("scheduled", { when: when(r.dueAt) })}${r.deferredFrom ? ` (${t("deferred")})` : ""}`
      : r.status === "sent"
        ? t("sent", { when: when(r.updatedAt) })
        : t(r.status, { reason: reason(r.reason) });

  const channelsLine = (r: ReminderView) => {
    const names = r.channels.map((c) => tChannel(c));
    if (!names.length) return null;
    if (!r.backup) return t("together", { channels: format.list(names, { type: "conjunction" }) });
    return t("inTurn", {
      first: names[0],
      next: format.list(names.slice(1), { type: "disjunction" }),
      until: r.backup.until,
      minutes: r.backup.afterMinutes,
    });
  };

  const backupLine = (r: ReminderView) => {
    if (!r.backupStatus || r.status === "cancelled" || (r.status === "skipped" && r.backupStatus === "skipped")) return null;
    if (r.backupStatus === "waiting") return r.status === "scheduled" ? null : t("backup.waiting", { when: when(r.backupDueAt!) });
    if (r.backupStatus === "sent") return t("backup.sent");
    return t(`backup.${r.backupStatus}`, { reason: backupReason(r.backupReason) });
  };

  if (compact)
    return (
      <ul className="mt-1 space-y-0.5 text-xs text-slate-600" aria-label={t("label")} data-testid="scheduled-notifications">
        {reminders.map((r) => (
          <li key={r.id} data-status={r.status} data-offset={r.offsetMinutes}>
            {t("before", { offset: offset(r.offsetMinutes) })} · {statusLine(r)}
          </li>
        ))}
      </ul>
    );

  return (
    <ol className="divide-y divide-slate-100" aria-label={t("label")} data-testid="scheduled-notifications">
      {reminders.map((r) => (
        <li key={r.id} className="py-3" data-status={r.status} data-offset={r.offsetMinutes} data-testid="scheduled-reminder">
          <p className="font-medium">{t("before", { offset: offset(r.offsetMinutes) })}</p>
          <p className="text-sm text-slate-700 first-letter:uppercase" data-testid="reminder-status">
            {statusLine(r)}
          </p>
          {channelsLine(r) ? <p className="text-sm text-slate-600">{channelsLine(r)}</p> : null}
          {backupLine(r) ? (
            <p className="text-sm text-slate-600" data-testid="reminder-backup">
              {backupLine(r)}
            </p>
          ) : null}
          {r.deliveries.length ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {r.deliveries.map((d) => (
                <li key={d.id}>
                  <Link
                    href={`/notifications/${d.id}`}
                    className="inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-sm ring-1 ring-slate-200 hover:bg-slate-50"
                    aria-label={t("openDelivery", { channel: tChannel(d.channel), status: tStatus(d.status) })}
                    data-testid="reminder-delivery"
                  >
                    <span>{tChannel(d.channel)}</span>
                    {d.backup ? <span className="text-xs text-slate-600">({t("backupLabel")})</span> : null}
                    <DeliveryStatusBadge status={d.status} />
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
