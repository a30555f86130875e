import { CalendarDays, CalendarPlus, Mail, MessagesSquare, Pencil, Phone, PhoneCall, Users } from "lucide-react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppointmentActions } from "@/components/appointments/appointment-actions";
import { ScheduledNotifications } from "@/components/appointments/scheduled-notifications";
import { StatusBadge } from "@/components/appointments/status-badge";
import { WhyNotSection } from "@/components/support/why-not";
import type { ThreadPage } from "@/components/inbox/types";
import { ConsentPanel } from "@/components/patients/consent-panel";
import { HouseholdLinkActions, LinkPortalAccount } from "@/components/patients/household-controls";
import { StartConversation } from "@/components/patients/patient-messaging";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/errors/app-errors";
import { can, requireStaffForPage } from "@/lib/auth/staff-context";
import { patientMessaging } from "@/lib/conversations/patient-messaging";
import { remindersOf } from "@/lib/reminders/reminders-of";
import { consentHistory } from "@/lib/patients/consent";
import { getPatient } from "@/lib/patients/get-patient";
import { formatPhoneNational } from "@/lib/patients/phone";
import { patientIdSchema } from "@/lib/patients/schemas";
import { explainPatient } from "@/lib/support/why-not";
import { clinicLocalDateTime } from "@/lib/time/clinic-time";

async function load(id: string) {
  const ctx = await requireStaffForPage("view_patients");
  const parsed = patientIdSchema.safeParse({ id });
  if (!parsed.success) notFound();
  try {
    const record = await getPatient(ctx, parsed.data.id);
    const now = Date.now();
    return {
      ctx,
      ...record,
      upcoming: record.appointments.filter((a) => a.startsAt.getTime() >= now),
      past: record.appointments.filter((a) => a.startsAt.getTime() < now).reverse(),
    };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ consentStaysWith?: string }>;
}) {
  const { ctx, patient, household, appointments, upcoming, past } = await load((await params).id);
  const [reminders, explained, consent] = await Promise.all([
    remindersOf(
      ctx,
      upcoming.map((a) => a.id),
    ),
    can(ctx, "view_deliveries") ? explainPatient(ctx, patient.id) : null,
    consentHistory(ctx, patient.id),
  ]);
  // After a number or address changed: consent stayed with the old one (lib/patients/save-patient.ts).
  const consentStaysWith = ((await searchParams).consentStaysWith ?? "").split(",").filter(Boolean).slice(0, 4);
  const phone = (value: string) => formatPhoneNational(value, ctx.clinic.country);
  const t = await getTranslations("patient");
  const tChannel = await getTranslations("channels");
  const format = await getFormatter();
  const { timeZone } = ctx.clinic;
  const mayChange = can(ctx, "manage_appointments");
  const mayManagePatients = can(ctx, "manage_patients");
  const tMessaging = await getTranslations("patient.messaging");
  // Only for staff who use the inbox.
  const messaging = can(ctx, "send_messages") ? await patientMessaging(ctx, patient.id, new Date()) : null;

  const appointmentList = (list: typeof appointments, emptyText: string) =>
    list.length === 0 ? (
      <p className="px-4 py-6 text-sm text-slate-500">{emptyText}</p>
    ) : (
      <ul className="divide-y divide-slate-100">
        {list.map((a) => {
          const when = format.dateTime(a.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone });
          return (
            <li
              key={a.id}
              className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
              data-testid="patient-appointment"
              data-reference={a.bookingReference}
            >
              <div>
                <Link href={`/appointments/${a.id}`} className="block font-medium text-brand-700 tabular-nums hover:underline">
                  {when}
                </Link>
                <p className="text-sm text-slate-600">
                  {a.motifName} · {a.agendaName} · {a.bookingReference}
                </p>
                <ScheduledNotifications reminders={reminders.get(a.id) ?? []} timeZone={timeZone} compact />
              </div>
              <div className="flex items-center gap-3">
                <StatusBadge status={a.status} />
                {mayChange ? (
                  <AppointmentActions id={a.id} status={a.status} localStart={clinicLocalDateTime(a.startsAt, timeZone)} label={when} />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    );

  return (
    <>
      <PageHeader title={`${patient.firstName} ${patient.lastName.toUpperCase()}`}>
        {!patient.active ? (
          <span className="rounded-full bg-slate-200 px-2.5 py-1 text-xs font-medium text-slate-800" data-testid="patient-inactive">
            {t("inactive")}
          </span>
        ) : null}
        {can(ctx, "manage_appointments") && patient.active ? (
          <Button asChild variant="secondary">
            <Link href={`/agenda?patient=${patient.id}`}>
              <CalendarPlus className="size-4" aria-hidden /> {t("book")}
            </Link>
          </Button>
        ) : null}
        {can(ctx, "manage_patients") ? (
          <Button asChild variant="secondary">
            <Link href={`/patients/${patient.id}/edit`}>
              <Pencil className="size-4" aria-hidden /> {t("edit")}
            </Link>
          </Button>
        ) : null}
      </PageHeader>
      {patient.mergedIntoId ? (
        <Alert tone="info" className="mb-4" data-testid="merged-notice">
          {t("mergedInto")}{" "}
          <Link href={`/patients/${patient.mergedIntoId}`} className="font-medium underline">
            {t("openKept")}
          </Link>
        </Alert>
      ) : null}
      {consentStaysWith.length ? (
        <Alert tone="info" className="mb-4" data-testid="consent-notice">
          {t("consentStaysWith", { addresses: consentStaysWith.map((a) => (a.startsWith("+") ? phone(a) : a)).join(", ") })}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="contact" className="rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 id="contact" className="mb-3 font-semibold">
            {t("contact")}
          </h2>
          <dl className="space-y-3 text-sm">
            <div className="flex items-center gap-2">
              <Phone className="size-4 text-slate-400" aria-hidden />
              <dt className="sr-only">{t("phone")}</dt>
              <dd data-testid="patient-phone">
                {patient.phone ? phone(patient.phone) : <em className="text-slate-500">{t("noPhone")}</em>}
              </dd>
            </div>
            {patient.landline ? (
              <div className="flex items-center gap-2">
                <PhoneCall className="size-4 text-slate-400" aria-hidden />
                <dt className="sr-only">{t("landline")}</dt>
                <dd data-testid="patient-landline">{phone(patient.landline)}</dd>
              </div>
            ) : null}
            <div className="flex items-center gap-2">
              <Mail className="size-4 text-slate-400" aria-hidden />
              <dt className="sr-only">{t("email")}</dt>
              <dd>{patient.email ?? <em className="text-slate-500">{t("noEmail")}</em>}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("dateOfBirth")}</dt>
              <dd>
                {patient.dateOfBirth
                  ? format.dateTime(new Date(`${patient.dateOfBirth}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" })
                  : "—"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("language")}</dt>
              <dd>{t(`languages.${patient.language}`)}</dd>
            </div>
            {patient.postalAddress ? (
              <div>
                <dt className="text-slate-500">{t("postalAddress")}</dt>
                <dd className="whitespace-pre-line">{patient.postalAddress}</dd>
              </div>
            ) : null}
            {patient.externalId ? (
              <div>
                <dt className="text-slate-500">{t("externalId")}</dt>
                <dd data-testid="patient-number">{patient.externalId}</dd>
              </div>
            ) : null}
            {patient.preferredChannel ? (
              <div>
                <dt className="text-slate-500">{t("preferredChannel")}</dt>
                <dd>{tChannel(patient.preferredChannel)}</dd>
              </div>
            ) : null}
          </dl>

          <h2 className="mt-6 mb-3 flex items-center gap-2 font-semibold">
            <Users className="size-4 text-slate-400" aria-hidden /> {t("household")}
          </h2>
          {household.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noPortalAccount")}</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {household.map((h) => (
                <li key={h.accountId}>
                  <p>
                    {t("managedBy", { name: h.accountName })}{" "}
                    {!h.approved ? <span className="text-amber-800">({t("awaitingApproval")})</span> : null}
                    {mayManagePatients ? (
                      <HouseholdLinkActions
                        patientId={patient.id}
                        accountId={h.accountId}
                        accountName={h.accountName}
                        approved={h.approved}
                      />
                    ) : null}
                  </p>
                  {h.otherProfiles.length ? (
                    <ul className="mt-1 ml-4 list-disc text-slate-700">
                      {h.otherProfiles.map((m) => (
                        <li key={m.patientId}>
                          <Link href={`/patients/${m.patientId}`} className="text-brand-700 hover:underline">
                            {m.firstName} {m.lastName}
                          </Link>{" "}
                          <span className="text-slate-500">· {t(`relationship.${m.relationship}`)}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {mayManagePatients && !patient.mergedIntoId ? <LinkPortalAccount patientId={patient.id} /> : null}
        </section>

        <div className="space-y-6 lg:col-span-2">
          {messaging ? (
            <section
              aria-labelledby="messaging"
              className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200"
              data-testid="patient-messaging"
            >
              <div>
                <h2 id="messaging" className="flex items-center gap-2 font-semibold">
                  <MessagesSquare className="size-4 text-slate-400" aria-hidden /> {tMessaging("title")}
                </h2>
                <p className="text-sm text-slate-600">
                  {messaging.conversation
                    ? tMessaging("lastMessage", { when: format.relativeTime(messaging.conversation.lastMessageAt) })
                    : tMessaging(messaging.refusal === "role_cannot_start" ? "role_cannot_start" : "none")}
                </p>
              </div>
              {messaging.conversation ? (
                <Link
                  href={`/inbox?c=${messaging.conversation.id}`}
                  className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
                >
                  {tMessaging("open")}
                </Link>
              ) : messaging.mayStart ? (
                <StartConversation
                  patientId={patient.id}
                  patientName={`${patient.firstName} ${patient.lastName}`}
                  channels={asSentToBrowser(messaging.channels)}
                />
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="consent" className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="patient-consent">
            <h2 id="consent" className="mb-2 font-semibold">
              {t("consent.title")}
            </h2>
            <ConsentPanel
              patientId={patient.id}
              history={consent.history.map((h) => ({ ...h, at: h.at.toISOString() }))}
              mayRecord={mayManagePatients && patient.active && !patient.mergedIntoId}
              timeZone={timeZone}
            />
          </section>
          <section aria-labelledby="appointments" className="rounded-lg bg-white ring-1 ring-slate-200">
            <h2 id="appointments" className="flex items-center gap-2 border-b border-slate-200 px-4 py-3 font-semibold">
              <CalendarDays className="size-4 text-slate-400" aria-hidden /> {t("upcoming")}
            </h2>
            {appointments.length === 0 ? (
              <div className="p-4">
                <EmptyState icon={CalendarDays} title={t("noAppointments")} />
              </div>
            ) : (
              <>
                {appointmentList(upcoming, t("noUpcoming"))}
                <h2 className="border-y border-slate-200 px-4 py-3 font-semibold">{t("past")}</h2>
                {appointmentList(past, t("noPast"))}
              </>
            )}
          </section>
          {explained ? (
            <WhyNotSection
              id="patient-why-not"
              about="forPatient"
              items={explained}
              timeZone={timeZone}
              className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
            />
          ) : null}
        </div>
      </div>
    </>
  );
}

// The composer's channels as the browser receives them from the API (dates as ISO strings).
function asSentToBrowser<T>(value: T): ThreadPage["composer"] {
  return JSON.parse(JSON.stringify(value));
}
