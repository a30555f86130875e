import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { eventTypeKey } from "@/components/notifications/delivery-status-badge";
import type { Explanation } from "@/lib/support/why-not";

// "Why didn't they get it?": every notification decided for an appointment or a patient, newest
// first, in a receptionist's words: what went out, what did not and why, and for a switch who
// turned it off and when. Each delivery opens its timeline in the Notifications log.
export function WhyNot({ items, timeZone }: { items: Explanation[]; timeZone: string }) {
  const t = useTranslations("whyNot");
  const tChannel = useTranslations("channels");
  const tStatus = useTranslations("deliveryStatus");
  const tEvent = useTranslations("eventTypes");
  const tSkip = useTranslations("skipReasons");
  const tReminder = useTranslations("reminders");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const offset = (minutes: number) =>
    minutes % 60 === 0 ? tReminder("offsetHours", { count: minutes / 60 }) : tReminder("offsetMinutes", { count: minutes });

  if (!items.length) return <p className="text-sm text-slate-600">{t("empty")}</p>;

  const sentence = (item: Explanation) => {
    if (item.kind === "reminder") {
      const reason = tReminder.has(`reasons.${item.reason}`) ? tReminder(`reasons.${item.reason}`) : tReminder("reasons.unknown");
      return t(item.status === "skipped" ? "reminderSkipped" : "reminderCancelled", { offset: offset(item.offsetMinutes), reason });
    }
    const channel = tChannel(item.channel);
    const event = tEvent.has(eventTypeKey(item.eventType)) ? tEvent(eventTypeKey(item.eventType)) : item.eventType;
    if (item.status === "skipped") {
      const reason = item.reason && tSkip.has(item.reason) ? tSkip(item.reason) : t("noReason");
      const by = item.attribution
        ? ` ${t("turnedOff", { name: item.attribution.by, date: format.dateTime(item.attribution.at, { dateStyle: "medium", timeZone }) })}`
        : "";
      return `${t("skipped", { channel, event, reason })}${by}`;
    }
    if (item.status === "failed") return t("failed", { channel, event, error: item.error ?? t("noReason") });
    return t("sent", { channel, event, status: tStatus(item.status).toLocaleLowerCase() });
  };

  return (
    <ol className="space-y-2 text-sm" data-testid="why-not">
      {items.map((item) => (
        <li
          key={`${item.kind}:${item.id}`}
          className="flex flex-wrap items-baseline gap-x-2 border-b border-slate-100 pb-2 last:border-0"
          data-testid="why-not-item"
        >
          <time className="shrink-0 text-xs tabular-nums text-slate-600" dateTime={item.at.toISOString()}>
            {when(item.at)}
          </time>
          <span
            className={
              item.kind === "delivery" && (item.status === "skipped" || item.status === "failed") ? "text-slate-900" : "text-slate-700"
            }
          >
            {sentence(item)}
          </span>
          {item.kind === "delivery" ? (
            <Link
              href={`/notifications/${item.id}`}
              className="text-xs text-brand-700 hover:underline"
              aria-label={t("openLabel", { what: sentence(item) })}
            >
              {t("open")}
            </Link>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

// The explainer as a page section: its heading, what it covers, and the list.
export function WhyNotSection({
  id,
  about,
  items,
  timeZone,
  className,
}: {
  id: string;
  about: "forAppointment" | "forPatient";
  items: Explanation[];
  timeZone: string;
  className: string;
}) {
  const t = useTranslations("whyNot");
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-1 font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-xs text-slate-600">{t("intro", { what: t(about) })}</p>
      <WhyNot items={items} timeZone={timeZone} />
    </section>
  );
}
