import { CalendarX, ChevronLeft, ChevronRight, Printer } from "lucide-react";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AgendaLive } from "@/components/agenda/agenda-live";
import { AgendaColumn } from "@/components/agenda/agenda-column";
import { TimeGridLoader } from "@/components/agenda/time-grid-loader";
import { cn } from "@/components/ui/cn";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldLabel, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { agendaGrid, blockedPeriodsBetween } from "@/lib/appointments/agenda-grid";
import { agendaSlots } from "@/lib/appointments/agenda-slots";
import { isUpcoming } from "@/lib/scheduling/appointment-status";
import { listAgendas, listVisitReasons } from "@/lib/appointments/agendas";
import { seriesPlace } from "@/lib/appointments/series-place";
import { getAppointment, listAppointmentsBetween } from "@/lib/appointments/list-appointments";
import { localDatesBetween } from "@/lib/scheduling/free-slots";
import { can, requireStaffForPage } from "@/lib/auth/staff-context";
import { getPatient } from "@/lib/patients/get-patient";
import { addLocalDays, clinicDayRange, clinicLocalDate, clinicLocalDateTime, localDateSchema } from "@/lib/time/clinic-time";

export async function generateMetadata() {
  return { title: (await getTranslations("agenda"))("title") };
}

const searchSchema = z.object({
  date: localDateSchema.optional().catch(undefined),
  // Agendas shown side by side, comma-separated; all of them when absent.
  agendas: z.string().max(2000).optional().catch(undefined),
  reason: z.uuid().optional().catch(undefined),
  patient: z.uuid().optional().catch(undefined),
  // The appointment just booked from this page, confirmed on it with a link.
  booked: z.uuid().optional().catch(undefined),
  // A day of several agendas side by side, or a week (Monday to Sunday) of the first one.
  view: z.enum(["day", "week"]).default("day").catch("day"),
  // The time grid (drag to move or book), or the list of appointments and free slots, which is
  // the keyboard's way and the default when booking for a chosen patient ("pick a free slot").
  layout: z.enum(["grid", "list"]).optional().catch(undefined),
});

// The Monday of a local date's week.
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addLocalDays(date, weekday === 0 ? -6 : 1 - weekday);
}

// The day of one or more agendas side by side: appointments coloured by visit reason and
// marked with their status, and the free slots for the chosen visit reason, each bookable.
export default async function AgendaPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await requireStaffForPage("view_patients");
  const t = await getTranslations("agenda");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const locale = await getLocale();
  const { timeZone } = ctx.clinic;
  const query = searchSchema.parse(await searchParams);
  const date = query.date ?? clinicLocalDate(new Date(), timeZone);
  const [allAgendas, visitReasons] = await Promise.all([listAgendas(ctx), listVisitReasons(ctx)]);
  // A doctor opens on their own agendas ("all" shows everyone's, a choice away).
  const everyAgenda = query.agendas === "all";
  const wanted = new Set(everyAgenda ? [] : (query.agendas ?? "").split(",").filter(Boolean));
  const own = allAgendas.filter((a) => a.doctorId === ctx.staff.id);
  const ownByDefault = !query.agendas && own.length > 0;
  const shown = wanted.size ? allAgendas.filter((a) => wanted.has(a.id)) : ownByDefault ? own : allAgendas;
  const reasonId =
    query.reason && visitReasons.some((r) => r.id === query.reason) ? query.reason : (shown[0]?.visitReasonIds[0] ?? visitReasons[0]?.id);
  const reason = visitReasons.find((r) => r.id === reasonId);
  const mayBook = can(ctx, "manage_appointments");
  // Booking for a patient chosen beforehand (the patient page's "Book").
  const patient = query.patient
    ? await getPatient(ctx, query.patient)
        .then((r) => r.patient)
        .catch(() => null)
    : null;

  // Offered in the booking dialog when the record is active (a deactivated one is not booked).
  const bookingPatient = patient && patient.active ? { id: patient.id, name: `${patient.firstName} ${patient.lastName}` } : undefined;
  const layout = query.layout ?? (query.patient ? "list" : "grid");
  const grid = layout === "grid";

  const justBooked = query.booked ? await getAppointment(ctx, query.booked).catch(() => null) : null;
  const justBookedSeries = justBooked ? await seriesPlace(ctx, justBooked) : null;

  const now = new Date();
  const week = query.view === "week";
  const from = week ? mondayOf(date) : date;
  const to = week ? addLocalDays(from, 6) : date;
  const listed = week ? shown.slice(0, 1) : shown;
  // One query for every column's appointments; the slots per agenda over the whole range.
  const booked = (await listAppointmentsBetween(ctx, { from, to, agendaIds: listed.map((a) => a.id) })).map((a) => ({
    ...a,
    localStart: clinicLocalDateTime(a.startsAt, timeZone),
  }));
  const slotsOf = new Map(
    await Promise.all(
      listed.map(
        async (agenda) =>
          [
            agenda.id,
            !grid && reason && agenda.visitReasonIds.includes(reason.id)
              ? (await agendaSlots(ctx, agenda.id, { from, to, visitReasonId: reason.id }, now)).slots
              : null,
          ] as const,
      ),
    ),
  );
  const dayTitle = (day: string) =>
    format.dateTime(new Date(`${day}T12:00:00Z`), { weekday: "long", day: "numeric", month: "short", timeZone: "UTC" });
  // The list says why a stretch has no slot: the time blocked on each agenda.
  const listBlocked =
    grid || !listed.length
      ? []
      : await blockedPeriodsBetween(
          ctx,
          listed.map((a) => a.id),
          { from, to },
        );
  const columns = (
    week ? localDatesBetween(from, to).map((day) => ({ agenda: listed[0], day })) : listed.map((agenda) => ({ agenda, day: date }))
  )
    .filter((c) => c.agenda)
    .map(({ agenda, day }) => ({
      agenda,
      day,
      title: week ? dayTitle(day) : agenda.name,
      appointments: booked.filter((a) => a.agendaId === agenda.id && a.localStart.startsWith(day)),
      slots: slotsOf.get(agenda.id)?.filter((s) => s.local.startsWith(day)) ?? null,
    }));

  const gridShading = grid
    ? await agendaGrid(
        ctx,
        listed.map((a) => a.id),
        { from, to },
      )
    : null;
  // Hours shown: the agendas' week, widened to any appointment moved outside it knowingly.
  const minuteOf = (local: string) => Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
  const shownHours = gridShading && {
    minMinutes: Math.min(gridShading.minMinutes, ...booked.map((a) => Math.floor(minuteOf(a.localStart) / 60) * 60)),
    maxMinutes: Math.max(
      gridShading.maxMinutes,
      ...booked.map((a) => Math.min(1440, Math.ceil((minuteOf(clinicLocalDateTime(a.endsAt, timeZone)) || 1440) / 60) * 60)),
    ),
  };

  const link = (change: Partial<Record<"date" | "agendas" | "reason" | "view" | "layout", string | null>>) => {
    const next = new URLSearchParams();
    const merged = {
      date,
      agendas: query.agendas ?? null,
      reason: reasonId ?? null,
      patient: query.patient ?? null,
      view: week ? "week" : null,
      layout: query.layout ?? null,
      ...change,
    };
    for (const [key, value] of Object.entries(merged)) if (value) next.set(key, value);
    return `/agenda?${next}`;
  };
  const noon = new Date(clinicDayRange(date, timeZone).start.getTime() + 12 * 3600_000);

  return (
    <>
      <PageHeader title={t("title")}>
        <nav aria-label={t("dayNavigation")} className="flex flex-wrap items-center gap-1">
          <Link
            href={link({ date: addLocalDays(date, week ? -7 : -1) })}
            className="rounded-md p-2 hover:bg-slate-100"
            aria-label={t(week ? "previousWeek" : "previousDay")}
          >
            <ChevronLeft className="size-4" aria-hidden />
          </Link>
          <span className="text-center font-medium" data-testid="agenda-day">
            {week ? t("weekOf", { day: dayTitle(from) }) : format.dateTime(noon, { dateStyle: "full", timeZone })}
          </span>
          <Link
            href={link({ date: addLocalDays(date, week ? 7 : 1) })}
            className="rounded-md p-2 hover:bg-slate-100"
            aria-label={t(week ? "nextWeek" : "nextDay")}
          >
            <ChevronRight className="size-4" aria-hidden />
          </Link>
          <Link href={link({ date: null })} className="ml-1 rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50">
            {t("today")}
          </Link>
          <span className="ml-2 inline-flex rounded-md ring-1 ring-slate-300" role="group" aria-label={t("viewLabel")}>
            {(["day", "week"] as const).map((v) => (
              <Link
                key={v}
                href={link({ view: v === "week" ? "week" : null })}
                aria-current={query.view === v ? "true" : undefined}
                className={cn("px-3 py-1.5 text-sm", query.view === v ? "bg-brand-600 text-white" : "hover:bg-slate-50")}
              >
                {t(`views.${v}`)}
              </Link>
            ))}
          </span>
          <span className="ml-2 inline-flex rounded-md ring-1 ring-slate-300" role="group" aria-label={t("layoutLabel")}>
            {(["grid", "list"] as const).map((l) => (
              <Link
                key={l}
                href={link({ layout: l })}
                aria-current={layout === l ? "true" : undefined}
                className={cn("px-3 py-1.5 text-sm", layout === l ? "bg-brand-600 text-white" : "hover:bg-slate-50")}
              >
                {t(`layouts.${l}`)}
              </Link>
            ))}
          </span>
          <Link
            href={`/agenda/day-list?date=${date}&agendas=${listed.map((a) => a.id).join(",")}`}
            className="ml-2 inline-flex items-center gap-1 rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50"
          >
            <Printer className="size-4" aria-hidden /> {t("printDayList")}
          </Link>
        </nav>
      </PageHeader>

      <AgendaLive agendaIds={listed.map((a) => a.id)} />
      {justBooked ? (
        <Alert tone="info" className="mb-4" data-testid="booked">
          {t("bookedNotice", {
            patient: `${justBooked.patientFirstName} ${justBooked.patientName}`,
            when: format.dateTime(justBooked.startsAt, { dateStyle: "full", timeStyle: "short", timeZone }),
            reference: justBooked.bookingReference,
          })}{" "}
          {justBookedSeries
            ? `${t("bookedSeriesNotice", {
                count: justBookedSeries.total,
                last: format.dateTime(justBookedSeries.lastStartsAt, { dateStyle: "full", timeZone }),
              })} `
            : null}
          <Link href={`/appointments/${justBooked.id}`} className="font-medium underline">
            {t("openBooked")}
          </Link>
        </Alert>
      ) : null}
      {patient ? (
        <p className="mb-4 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="booking-for">
          {t("bookingFor", { name: `${patient.firstName} ${patient.lastName}` })}
        </p>
      ) : null}

      <form method="get" action="/agenda" className="mb-4 flex flex-wrap items-end gap-3">
        <input type="hidden" name="date" value={date} />
        {query.agendas ? <input type="hidden" name="agendas" value={query.agendas} /> : null}
        {query.patient ? <input type="hidden" name="patient" value={query.patient} /> : null}
        {week ? <input type="hidden" name="view" value="week" /> : null}
        {query.layout ? <input type="hidden" name="layout" value={query.layout} /> : null}
        <div>
          <FieldLabel htmlFor="agenda-reason">{t("visitReason")}</FieldLabel>
          <Select id="agenda-reason" name="reason" defaultValue={reasonId} className="min-w-56">
            {visitReasons.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({t("minutes", { count: r.durationMinutes })})
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {t(grid ? "useReason" : "showSlots")}
        </Button>
      </form>

      <div className="mb-4 flex flex-wrap gap-2" role="group" aria-label={t("agendaFilter")}>
        {[{ id: null, name: t("allAgendas") }, ...allAgendas].map((a) => {
          const active = a.id ? shown.length < allAgendas.length && shown.some((s) => s.id === a.id) : shown.length === allAgendas.length;
          return (
            <Link
              key={a.id ?? "all"}
              href={link({ agendas: a.id ?? (own.length ? "all" : null) })}
              aria-current={active ? "true" : undefined}
              className={cn(
                "rounded-full px-3 py-1 text-sm ring-1",
                active ? "bg-brand-600 text-white ring-brand-600" : "bg-white ring-slate-300 hover:bg-slate-50",
              )}
            >
              {a.name}
            </Link>
          );
        })}
      </div>

      {shown.length === 0 ? (
        <EmptyState icon={CalendarX} title={t("noAgendas")} />
      ) : grid && gridShading && shownHours ? (
        <>
          {week ? (
            <h2 className="mb-2 font-semibold text-slate-900" data-testid="week-agenda">
              {listed[0].name}
            </h2>
          ) : null}
          <TimeGridLoader
            timeZone={timeZone}
            locale={locale}
            date={from}
            view={week ? "week" : "day"}
            agendas={listed.map((a) => ({ id: a.id, name: a.name, visitReasonIds: a.visitReasonIds }))}
            // A cancelled appointment frees its time: the grid shows what holds time (the list keeps all).
            appointments={booked
              .filter((a) => a.status !== "cancelled")
              .map((a) => ({
                id: a.id,
                agendaId: a.agendaId,
                startsAt: a.startsAt.toISOString(),
                endsAt: a.endsAt.toISOString(),
                patient: `${a.patientName.toUpperCase()} ${a.patientFirstName}`,
                motifName: a.motifName,
                motifColour: a.motifColour,
                status: a.status,
                statusLabel: tStatus(a.status),
                reference: a.bookingReference,
                movable: isUpcoming(a.status),
              }))}
            open={gridShading.open}
            closed={gridShading.closed}
            blocked={gridShading.blocked}
            minMinutes={shownHours.minMinutes}
            maxMinutes={shownHours.maxMinutes}
            scrollMinutes={gridShading.minMinutes}
            visitReasons={visitReasons}
            visitReasonId={reasonId}
            mayBook={mayBook}
            patient={bookingPatient}
          />
        </>
      ) : (
        <div
          className={cn(
            "grid gap-4",
            week ? "md:grid-cols-2 xl:grid-cols-4" : [listed.length > 1 && "lg:grid-cols-2", listed.length > 2 && "2xl:grid-cols-3"],
          )}
        >
          {week ? (
            <h2 className="font-semibold text-slate-900 md:col-span-2 xl:col-span-4" data-testid="week-agenda">
              {listed[0].name}
            </h2>
          ) : null}
          {columns.map((column) => (
            <AgendaColumn
              key={`${column.agenda.id}-${column.day}`}
              agenda={column.agenda}
              title={column.title}
              date={column.day}
              appointments={column.appointments}
              slots={column.slots}
              blocked={listBlocked.filter(
                (b) => b.agendaId === column.agenda.id && clinicLocalDateTime(b.startsAt, timeZone).startsWith(column.day),
              )}
              timeZone={timeZone}
              reason={reason ?? null}
              visitReasons={visitReasons.filter((r) => column.agenda.visitReasonIds.includes(r.id))}
              mayBook={mayBook}
              isToday={column.day === clinicLocalDate(now, timeZone)}
              patient={bookingPatient}
            />
          ))}
        </div>
      )}
    </>
  );
}
