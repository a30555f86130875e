import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { deliveryAddressLabel, DeliveryStatusBadge, eventTypeKey } from "@/components/notifications/delivery-status-badge";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/errors/app-errors";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import type { Channel } from "@/db/schema";
import { eventTraceOf } from "@/lib/notifications/event-trace";
import type { SkipReason } from "@/lib/notifications/skip-reasons";
import { getDelivery } from "@/lib/notifications/log/get-delivery";
import { deliveryIdSchema } from "@/lib/notifications/log/schemas";

async function load(id: string) {
  const ctx = await requireStaffForPage("view_deliveries");
  const parsed = deliveryIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  try {
    return { ctx, ...(await getDelivery(ctx, parsed.data.id)) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const { ctx, delivery, content, event, attempts, receipts, recipientName } = await load((await params).id);
  const t = await getTranslations("notifications.detail");
  const tOutcome = await getTranslations("notifications.outcome");
  const tChannel = await getTranslations("channels");
  const tEvent = await getTranslations("eventTypes");
  const tReason = await getTranslations("skipReasons");
  const tStatus = await getTranslations("deliveryStatus");
  const format = await getFormatter();
  const when = (d: Date | null) =>
    d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium", timeZone: ctx.clinic.timeZone }) : "—";
  // Only the entries about a channel or a reason are shown; routing and held channels are for support.
  type Line = { channel?: Channel; sent: boolean; reason?: SkipReason };
  const decisions = eventTraceOf(event.decisions).entries.flatMap((d): Line[] =>
    "channel" in d
      ? [{ channel: d.channel, sent: d.send === true, reason: "reason" in d ? d.reason : undefined }]
      : "reason" in d
        ? [{ sent: false, reason: d.reason }]
        : [],
  );

  return (
    <>
      <Link href="/notifications" className="mb-3 inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
        <ArrowLeft className="size-4" aria-hidden /> {t("back")}
      </Link>
      <PageHeader title={`${tEvent(eventTypeKey(delivery.eventType))} · ${tChannel(delivery.channel)}`}>
        <DeliveryStatusBadge status={delivery.status} />
      </PageHeader>

      {delivery.skipReason ? (
        <Alert tone="info" className="mb-6" data-testid="skip-reason">
          <strong>{t("whyNot")}:</strong> {tReason(delivery.skipReason)}
        </Alert>
      ) : null}
      {delivery.providerErrorCode ? (
        <Alert className="mb-6">
          <strong>{t("providerError")}:</strong> {delivery.providerErrorCode} {delivery.providerError ? `— ${delivery.providerError}` : ""}
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("recipient")}</dt>
            <dd>{recipientName}</dd>
            <dt className="text-slate-500">{t("address")}</dt>
            <dd className="break-all">{deliveryAddressLabel(delivery) ?? "—"}</dd>
            <dt className="text-slate-500">{t("event")}</dt>
            <dd>{tEvent(eventTypeKey(event.type))}</dd>
            <dt className="text-slate-500">{t("eventKey")}</dt>
            <dd className="font-mono text-xs break-all">{event.key}</dd>
            <dt className="text-slate-500">{t("source")}</dt>
            <dd>{event.source}</dd>
            <dt className="text-slate-500">{t("received")}</dt>
            <dd>{when(event.receivedAt)}</dd>
            <dt className="text-slate-500">{t("providerId")}</dt>
            <dd className="font-mono text-xs break-all">{delivery.providerMessageId ?? "—"}</dd>
          </dl>
        </section>

        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="mb-2 font-semibold">{t("message")}</h2>
          {content.visible ? (
            <>
              {content.subject ? (
                <p className="text-sm">
                  <span className="text-slate-500">{t("subject")}:</span> {content.subject}
                </p>
              ) : null}
              <p className="mt-2 text-sm whitespace-pre-line" data-testid="delivery-body">
                {content.body ?? "—"}
              </p>
            </>
          ) : (
            <div data-testid="delivery-template">
              <p className="text-sm text-slate-600">{t("contentHidden")}</p>
              {content.template ? (
                <>
                  <p className="mt-2 font-mono text-xs whitespace-pre-line text-slate-700">{content.template.body}</p>
                  <p className="mt-2 text-xs text-slate-600">
                    {t("variables")}: {content.template.variables.join(", ") || "—"}
                  </p>
                </>
              ) : null}
            </div>
          )}
          {delivery.segments ? <p className="mt-2 text-xs text-slate-500">{t("segments", { count: delivery.segments })}</p> : null}
        </section>

        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="mb-2 font-semibold">{t("attempts")}</h2>
          {attempts.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noAttempts")}</p>
          ) : (
            <table className="w-full text-left text-sm" data-testid="attempts">
              <thead className="text-xs text-slate-500 uppercase">
                <tr>
                  <th className="py-1">{t("attempt")}</th>
                  <th className="py-1">{t("outcome")}</th>
                  <th className="py-1">{t("started")}</th>
                  <th className="py-1">{t("error")}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a) => (
                  <tr key={a.id} className="border-t border-slate-100">
                    <td className="py-1">{a.attempt}</td>
                    <td className="py-1">{a.outcome ? tOutcome(a.outcome) : "…"}</td>
                    <td className="py-1 tabular-nums">{when(a.startedAt)}</td>
                    <td className="py-1 text-slate-600">{a.errorCode ? `${a.errorCode} ${a.error ?? ""}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 className="mb-2 font-semibold">{t("receipts")}</h2>
          {receipts.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noReceipts")}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="receipts">
              {receipts.map((r) => (
                <li key={r.id}>
                  <span className="tabular-nums">{when(r.occurredAt)}</span> — {r.status}
                  {r.errorCode ? ` (${r.errorCode})` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>

        {decisions.length ? (
          <section className="rounded-lg bg-white p-5 ring-1 ring-slate-200 lg:col-span-2">
            <h2 className="mb-2 font-semibold">{t("decisions")}</h2>
            <ul className="grid gap-1 text-sm sm:grid-cols-2">
              {decisions.map((d, i) => (
                <li key={i}>
                  {d.channel ? <strong>{tChannel(d.channel)}: </strong> : null}
                  {d.sent ? t("sent") : d.reason ? tReason(d.reason) : ""}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <p className="sr-only">{tStatus(delivery.status)}</p>
    </>
  );
}
