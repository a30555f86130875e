import { CalendarX } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PrintButton } from "@/components/agenda/print-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAgendas } from "@/lib/appointments/agendas";
import { dayList } from "@/lib/appointments/day-list";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { formatPhoneNational } from "@/lib/patients/phone";
import { clinicLocalDate, localDateSchema } from "@/lib/time/clinic-time";

export async function generateMetadata() {
  return { title: (await getTranslations("dayList"))("title") };
}

const searchSchema = z.object({
  date: localDateSchema.optional().catch(undefined),
  agendas: z.string().max(2000).optional().catch(undefined),
});

type Row =
  | { kind: "appointment"; startsAt: Date; item: Awaited<ReturnType<typeof dayList>>[number]["appointments"][number] }
  | { kind: "blocked"; startsAt: Date; item: Awaited<ReturnType<typeof dayList>>[number]["blocked"][number] };

// The day of one or more agendas as a list to print: one table per agenda (each on its own
// sheet), the time blocked in its place. The page's own navigation is left off the paper.
export default async function DayListPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await requireStaffForPage("view_patients");
  const t = await getTranslations("dayList");
  const tStatus = await getTranslations("status");
  const format = await getFormatter();
  const { timeZone } = ctx.clinic;
  const query = searchSchema.parse(await searchParams);
  const date = query.date ?? clinicLocalDate(new Date(), timeZone);
  const all = await listAgendas(ctx);
  const wanted = new Set((query.agendas ?? "").split(",").filter(Boolean));
  const shown = wanted.size ? all.filter((a) => wanted.has(a.id)) : all;
  const days = await dayList(
    ctx,
    date,
    shown.map((a) => a.id),
  );
  const day = format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "full", timeZone: "UTC" });
  const time = (d: Date) => format.dateTime(d, { timeStyle: "short", timeZone });
  // The mobile, or the landline when there is none, as the clinic's country writes it.
  const phoneOf = (p: { phone: string | null; landline: string | null }) => {
    const phone = p.phone ?? p.landline;
    return phone ? formatPhoneNational(phone, ctx.clinic.country) : "—";
  };

  return (
    <>
      <PageHeader title={t("heading", { day })}>
        <Link
          href={`/agenda?date=${date}${wanted.size ? `&agendas=${[...wanted].join(",")}` : ""}`}
          className="rounded-md px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50 print:hidden"
        >
          {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </PageHeader>
      <p className="mb-4 text-sm text-slate-600">{t("clinic", { clinic: ctx.clinic.name, timeZone })}</p>
      {shown.length === 0 ? <EmptyState icon={CalendarX} title={t("noAgenda")} /> : null}
      {days.map((d, index) => {
        const agenda = shown.find((a) => a.id === d.agendaId)!;
        const rows: Row[] = [
          ...d.appointments.map((item) => ({ kind: "appointment" as const, startsAt: item.startsAt, item })),
          ...d.blocked.map((item) => ({ kind: "blocked" as const, startsAt: item.startsAt, item })),
        ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
        const headingId = `day-list-${agenda.id}`;
        return (
          <section
            key={agenda.id}
            aria-labelledby={headingId}
            className={index ? "mt-8 print:break-before-page" : undefined}
            data-testid="day-list"
          >
            <h2 id={headingId} className="mb-2 text-lg font-semibold">
              {agenda.name} <span className="text-sm font-normal text-slate-600">{t("count", { count: d.appointments.length })}</span>
            </h2>
            {rows.length === 0 ? (
              <p className="text-sm text-slate-600">{t("empty")}</p>
            ) : (
              <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-labelledby={headingId}>
                <table className="w-full border-collapse text-sm">
                  <thead>
                    <tr className="border-b border-slate-300 text-left">
                      {(["time", "patient", "visitReason", "phone", "status", "notes"] as const).map((c) => (
                        <th key={c} scope="col" className="px-2 py-1.5 font-medium">
                          {t(`columns.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) =>
                      row.kind === "blocked" ? (
                        <tr
                          key={row.item.id}
                          className="border-b border-slate-200 bg-slate-50 break-inside-avoid"
                          data-testid="day-list-blocked"
                        >
                          <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">
                            {time(row.item.startsAt)}–{time(row.item.endsAt)}
                          </td>
                          <td colSpan={5} className="px-2 py-1.5 italic">
                            {t("blocked", { reason: row.item.reason })}
                          </td>
                        </tr>
                      ) : (
                        <tr key={row.item.id} className="border-b border-slate-200 break-inside-avoid" data-testid="day-list-row">
                          <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{time(row.item.startsAt)}</td>
                          <td className="px-2 py-1.5">
                            <span className="font-medium">
                              {row.item.patientName.toUpperCase()} {row.item.patientFirstName}
                            </span>
                            {row.item.dateOfBirth ? (
                              <span className="block text-xs text-slate-600">
                                {t("born", {
                                  date: format.dateTime(new Date(`${row.item.dateOfBirth}T12:00:00Z`), {
                                    dateStyle: "short",
                                    timeZone: "UTC",
                                  }),
                                })}
                              </span>
                            ) : null}
                          </td>
                          <td className="px-2 py-1.5">{row.item.motifName}</td>
                          <td className="px-2 py-1.5 whitespace-nowrap tabular-nums">{phoneOf(row.item)}</td>
                          <td className="px-2 py-1.5">{tStatus(row.item.status)}</td>
                          <td className="px-2 py-1.5">{row.item.notes ?? ""}</td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
