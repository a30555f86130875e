import { addDays } from "date-fns";
import { CalendarX, ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppointmentActions } from "@/components/appointments/appointment-actions";
import { StatusBadge } from "@/components/appointments/status-badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { TableShell } from "@/components/ui/table-shell";
import { PageHeader } from "@/components/ui/page-header";
import { listAgendas } from "@/lib/appointments/agendas";
import { listAppointmentsOfDay } from "@/lib/appointments/list-appointments";
import { can, requireStaffForPage } from "@/lib/auth/staff-context";
import { clinicDayRange, clinicLocalDate, clinicLocalDateTime, localDateSchema } from "@/lib/time/clinic-time";

export async function generateMetadata() {
  return { title: (await getTranslations("appointments"))("title") };
}

const searchSchema = z.object({ date: localDateSchema.optional().catch(undefined), agenda: z.uuid().optional().catch(undefined) });

export default async function AppointmentsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await requireStaffForPage("view_patients");
  const t = await getTranslations("appointments");
  const format = await getFormatter();
  const { timeZone } = ctx.clinic;
  const { date = clinicLocalDate(new Date(), timeZone), agenda } = searchSchema.parse(await searchParams);

  const [agendas, rows] = await Promise.all([listAgendas(ctx), listAppointmentsOfDay(ctx, { date, agendaId: agenda })]);
  const noon = clinicDayRange(date, timeZone).start;
  const dayLink = (days: number) => {
    const d = clinicLocalDate(addDays(new Date(noon.getTime() + 12 * 3600_000), days), timeZone);
    return `/appointments?date=${d}${agenda ? `&agenda=${agenda}` : ""}`;
  };
  const mayChange = can(ctx, "manage_appointments");

  return (
    <>
      <PageHeader title={t("title")}>
        <nav aria-label={t("dayNavigation")} className="flex flex-wrap items-center gap-1">
          <Link href={dayLink(-1)} className="rounded-md p-2 hover:bg-slate-100" aria-label={t("previousDay")}>
            <ChevronLeft className="size-4" aria-hidden />
          </Link>
          <span className="min-w-0 text-center font-medium sm:min-w-48" data-testid="current-day">
            {format.dateTime(new Date(noon.getTime() + 12 * 3600_000), { dateStyle: "full", timeZone })}
          </span>
          <Link href={dayLink(1)} className="rounded-md p-2 hover:bg-slate-100" aria-label={t("nextDay")}>
            <ChevronRight className="size-4" aria-hidden />
          </Link>
          <Link href="/appointments" className="ml-2 rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50">
            {t("today")}
          </Link>
        </nav>
      </PageHeader>

      <div className="mb-4 flex flex-wrap gap-2" role="group" aria-label={t("agendaFilter")}>
        {[{ id: undefined, name: t("allAgendas") }, ...agendas].map((a) => (
          <Link
            key={a.id ?? "all"}
            href={`/appointments?date=${date}${a.id ? `&agenda=${a.id}` : ""}`}
            aria-current={agenda === a.id ? "true" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm ring-1",
              agenda === a.id ? "bg-brand-600 text-white ring-brand-600" : "bg-white ring-slate-300 hover:bg-slate-50",
            )}
          >
            {a.name}
          </Link>
        ))}
      </div>

      {rows.length === 0 ? (
        <EmptyState icon={CalendarX} title={t("emptyTitle")}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <TableShell
          columns={[
            t("columns.time"),
            t("columns.patient"),
            t("columns.agenda"),
            t("columns.motif"),
            t("columns.status"),
            ...(mayChange ? [t("columns.actions")] : []),
          ]}
        >
          {rows.map((a) => {
            const time = format.dateTime(a.startsAt, { timeStyle: "short", timeZone });
            const patient = `${a.patientName.toUpperCase()} ${a.patientFirstName}`;
            return (
              <tr key={a.id} data-testid="appointment-row" data-reference={a.bookingReference}>
                <td className="px-4 py-2 font-medium whitespace-nowrap tabular-nums">
                  <Link href={`/appointments/${a.id}`} className="hover:underline" aria-label={t("open", { time })}>
                    {time}
                  </Link>
                </td>
                <td className="px-4 py-2">
                  <Link href={`/patients/${a.patientId}`} className="font-medium text-brand-700 hover:underline">
                    {patient}
                  </Link>
                  <span className="block text-xs text-slate-500">
                    {a.bookingReference}
                    {a.bookedBy === "patient_online" ? ` · ${t("bookedOnline")}` : ""}
                  </span>
                </td>
                <td className="px-4 py-2 text-slate-700">{a.agendaName}</td>
                <td className="px-4 py-2 text-slate-700">{a.motifName}</td>
                <td className="px-4 py-2">
                  <StatusBadge status={a.status} />
                </td>
                {mayChange ? (
                  <td className="px-4 py-2">
                    <AppointmentActions
                      id={a.id}
                      status={a.status}
                      localStart={clinicLocalDateTime(a.startsAt, timeZone)}
                      label={`${time} ${patient}`}
                    />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </TableShell>
      )}
    </>
  );
}
