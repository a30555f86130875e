import { BellOff, Download } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { LogShortcuts } from "@/components/notifications/log-shortcuts";
import { OutcomesChart } from "@/components/notifications/outcomes-chart";
import { deliveryAddressLabel, DeliveryStatusBadge, eventTypeKey } from "@/components/notifications/delivery-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { TableShell } from "@/components/ui/table-shell";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { DayRangeFields, FilterButtons, InvalidQuery, PagingLinks } from "@/components/ui/list-filters";
import { PageHeader } from "@/components/ui/page-header";
import { channelEnum, deliveryStatusEnum } from "@/db/schema";
import { describeFieldErrors } from "@/lib/errors/parse-input";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { PATIENT_EVENT_TYPES, STAFF_EVENT_TYPES } from "@/lib/notifications/event-catalog";
import { listDeliveries } from "@/lib/notifications/log/list-deliveries";
import { outcomesByDay } from "@/lib/notifications/log/outcomes-by-day";
import { deliveryLogQuerySchema } from "@/lib/notifications/log/schemas";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await requireStaffForPage("view_deliveries");
  const t = await getTranslations("notifications");
  const tStatus = await getTranslations("deliveryStatus");
  const tChannel = await getTranslations("channels");
  const tEvent = await getTranslations("eventTypes");
  const tReason = await getTranslations("skipReasons");
  const format = await getFormatter();
  const params = await searchParams;
  const parsed = deliveryLogQuerySchema.safeParse(params);
  const query = parsed.success ? parsed.data : deliveryLogQuerySchema.parse({});
  const [{ deliveries, nextCursor, matchedPatients }, outcomes] = await Promise.all([
    listDeliveries(ctx, query),
    outcomesByDay(ctx, new Date()),
  ]);
  const nextHref = nextCursor ? `/notifications?${new URLSearchParams({ ...params, cursor: nextCursor })}` : null;

  return (
    <>
      <PageHeader title={t("title")}>
        <Button asChild variant="secondary">
          <a
            href={`/api/deliveries/export?${new URLSearchParams(Object.entries(params).filter(([k]) => k !== "cursor" && k !== "limit"))}`}
            download
            data-testid="export-csv"
          >
            <Download className="size-4" aria-hidden /> {t("export")}
          </a>
        </Button>
        <LogShortcuts searchFieldId="f-q" />
      </PageHeader>
      {outcomes.length ? (
        <details className="mb-4" data-testid="outcomes">
          <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("outcomes.title")}</summary>
          <div className="mt-2 grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
            {outcomes.map((o) => (
              <OutcomesChart key={o.channel} channel={o.channel} days={o.days} />
            ))}
          </div>
        </details>
      ) : null}
      <form
        method="get"
        className="mb-4 grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-8"
        aria-label={t("filters")}
      >
        <div className="sm:col-span-3 lg:col-span-2">
          <FieldLabel htmlFor="f-q">{t("search")}</FieldLabel>
          <Input
            id="f-q"
            name="q"
            type="search"
            defaultValue={query.q ?? ""}
            placeholder={t("searchPlaceholder")}
            aria-describedby="f-q-hint"
            className="w-full"
          />
          <p id="f-q-hint" className="mt-1 text-xs text-slate-600">
            {t("searchHint")}
          </p>
        </div>
        <div>
          <FieldLabel htmlFor="f-event">{t("event")}</FieldLabel>
          <Select id="f-event" name="event" defaultValue={query.event ?? ""} className="w-full">
            <option value="">{t("any")}</option>
            {[...PATIENT_EVENT_TYPES, ...STAFF_EVENT_TYPES].map((e) => (
              <option key={e} value={e}>
                {tEvent(eventTypeKey(e))}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <FieldLabel htmlFor="f-channel">{t("channel")}</FieldLabel>
          <Select id="f-channel" name="channel" defaultValue={query.channel ?? ""} className="w-full">
            <option value="">{t("any")}</option>
            {channelEnum.enumValues.map((c) => (
              <option key={c} value={c}>
                {tChannel(c)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <FieldLabel htmlFor="f-status">{t("status")}</FieldLabel>
          <Select id="f-status" name="status" defaultValue={query.status ?? ""} className="w-full">
            <option value="">{t("any")}</option>
            {deliveryStatusEnum.enumValues.map((s) => (
              <option key={s} value={s}>
                {tStatus(s)}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <FieldLabel htmlFor="f-patient">{t("patient")}</FieldLabel>
          <Input id="f-patient" name="patient" defaultValue={query.patient ?? ""} placeholder="uuid" />
        </div>
        <DayRangeFields idPrefix="f" from={query.from} to={query.to} labels={{ from: t("from"), to: t("to") }} />
        <FilterButtons resetHref="/notifications" labels={{ apply: t("apply"), reset: t("reset") }} />
      </form>
      {matchedPatients.length ? (
        <p className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900" role="status" data-testid="matched-patients">
          {t("matchedPatients", { names: matchedPatients.map((p) => p.name).join(", "), count: matchedPatients.length })}
        </p>
      ) : null}
      <InvalidQuery problems={parsed.success ? null : describeFieldErrors(parsed.error)} className="mb-4" />

      {deliveries.length === 0 ? (
        <EmptyState icon={BellOff} title={t("emptyTitle")}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <TableShell columns={(["time", "recipient", "event", "channel", "status", "why"] as const).map((c) => t(`columns.${c}`))}>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row" data-channel={d.channel} data-event={d.eventType} className="hover:bg-slate-50">
              <td className="px-4 py-2 whitespace-nowrap tabular-nums">
                <Link href={`/notifications/${d.id}`} data-row-link className="text-brand-700 hover:underline">
                  {format.dateTime(d.createdAt, { dateStyle: "short", timeStyle: "medium", timeZone: ctx.clinic.timeZone })}
                </Link>
              </td>
              <td className="px-4 py-2">
                {d.audience === "patient" ? (
                  <Link href={`/patients/${d.recipientId}`} className="hover:underline">
                    {d.recipientName}
                  </Link>
                ) : (
                  d.recipientName
                )}
                {deliveryAddressLabel(d) ? <span className="block text-xs text-slate-500">{deliveryAddressLabel(d)}</span> : null}
              </td>
              <td className="px-4 py-2">{tEvent(eventTypeKey(d.eventType))}</td>
              <td className="px-4 py-2">{tChannel(d.channel)}</td>
              <td className="px-4 py-2">
                <DeliveryStatusBadge status={d.status} />
              </td>
              <td className="px-4 py-2 text-slate-700" data-testid="delivery-why">
                {d.skipReason
                  ? tReason(d.skipReason)
                  : d.providerErrorCode
                    ? `${d.providerErrorCode}`
                    : d.attempts > 1
                      ? t("attempts", { count: d.attempts })
                      : ""}
              </td>
            </tr>
          ))}
        </TableShell>
      )}
      <PagingLinks
        firstHref="/notifications"
        nextHref={nextHref}
        paged={Boolean(query.cursor)}
        labels={{ newest: t("newest"), older: t("older") }}
        className="mt-4 flex gap-3"
      />
    </>
  );
}
