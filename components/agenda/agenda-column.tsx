import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AppointmentActions } from "@/components/appointments/appointment-actions";
import { StatusBadge } from "@/components/appointments/status-badge";
import type { AppointmentStatus } from "@/db/schema";
import { BookingDialog, type VisitReasonOption } from "./booking-dialog";
import { DeskStep } from "./desk-step";
import { clockLabels, clockStyle } from "@/lib/scheduling/clock-labels";

type Appointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  statusChangedAt: Date;
  bookingReference: string;
  motifName: string;
  motifId: string;
  motifColour: string;
  patientId: string;
  patientName: string;
  patientFirstName: string;
  // Wall-clock start in the clinic's zone, for the move dialog.
  localStart: string;
};

type Props = {
  agenda: { id: string; name: string };
  // The column's heading: the agenda's name in the day view, the day in the week view.
  title?: string;
  date: string;
  appointments: Appointment[];
  // Null when the agenda does not offer the chosen visit reason.
  slots: { startsAt: string; local: string }[] | null;
  // Time blocked on the agenda that day (a meeting, a home visit), with its reason.
  blocked: { id: string; startsAt: Date; endsAt: Date; reason: string }[];
  timeZone: string;
  reason: VisitReasonOption | null;
  visitReasons: VisitReasonOption[];
  mayBook: boolean;
  // The desk's steps (arrived, with the doctor, seen, no-show) are offered on today's column.
  isToday: boolean;
  patient?: { id: string; name: string };
};

// One agenda's day, in time order: its appointments (a bar in the visit reason's colour, the
// status in words) and its free slots for the chosen visit reason.
export async function AgendaColumn({
  agenda,
  title,
  date,
  appointments,
  slots,
  blocked,
  timeZone,
  reason,
  visitReasons,
  mayBook,
  isToday,
  patient,
}: Props) {
  const t = await getTranslations("agenda");
  const tAppointments = await getTranslations("appointments");
  const format = await getFormatter();
  const time = (d: Date) => format.dateTime(d, { timeStyle: "short", timeZone });
  // The repeated hour of a fall-back night reads with its zone (1:30 AM EDT, 1:30 AM EST).
  const slotInstants = (slots ?? []).map((s) => new Date(s.startsAt));
  const labels = clockLabels(slotInstants, (at, withZone) => format.dateTime(at, { ...clockStyle(withZone), timeZone }));
  const slotLabels = new Map(slotInstants.map((at, i) => [at.getTime(), labels[i]]));
  const slotLabel = (startsAt: string) => slotLabels.get(Date.parse(startsAt)) ?? time(new Date(startsAt));
  const items = [
    ...appointments.map((a) => ({ at: a.startsAt.getTime(), key: a.id, appointment: a })),
    ...(slots ?? []).map((s) => ({ at: Date.parse(s.startsAt), key: s.startsAt, slot: s })),
    ...blocked.map((b) => ({ at: b.startsAt.getTime(), key: b.id, block: b })),
  ].sort((x, y) => x.at - y.at);

  return (
    <section
      aria-labelledby={`agenda-${agenda.id}-${date}`}
      className="min-w-0 rounded-lg bg-white ring-1 ring-slate-200"
      data-testid="agenda-column"
      data-agenda={agenda.id}
      data-date={date}
    >
      <h2 id={`agenda-${agenda.id}-${date}`} className="border-b border-slate-200 px-4 py-3 font-semibold">
        {title ?? agenda.name}
      </h2>
      {slots === null && reason ? <p className="px-4 pt-3 text-sm text-slate-600">{t("notOffered", { reason: reason.name })}</p> : null}
      {items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-slate-600">{t("nothing")}</p>
      ) : (
        <ol className="space-y-1.5 p-3">
          {items.map((item) =>
            "appointment" in item && item.appointment ? (
              <li
                key={item.key}
                className="flex flex-wrap items-center justify-between gap-2 rounded-md border-l-4 bg-slate-50 px-3 py-2"
                style={{ borderLeftColor: item.appointment.motifColour }}
                data-testid="agenda-appointment"
                data-reference={item.appointment.bookingReference}
              >
                <div className="min-w-0">
                  <p className="text-sm">
                    <Link
                      href={`/appointments/${item.appointment.id}`}
                      className="font-medium tabular-nums hover:underline"
                      aria-label={tAppointments("open", { time: `${time(item.appointment.startsAt)}–${time(item.appointment.endsAt)}` })}
                    >
                      {time(item.appointment.startsAt)}–{time(item.appointment.endsAt)}
                    </Link>{" "}
                    <Link href={`/patients/${item.appointment.patientId}`} className="font-medium text-brand-700 hover:underline">
                      {item.appointment.patientName.toUpperCase()} {item.appointment.patientFirstName}
                    </Link>
                  </p>
                  <p className="text-xs text-slate-600">
                    {item.appointment.motifName} · {item.appointment.bookingReference}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={item.appointment.status} />
                  {item.appointment.status === "in_waiting_room" || item.appointment.status === "with_doctor" ? (
                    <span className="text-xs text-slate-600 tabular-nums" data-testid="status-since">
                      {t(item.appointment.status === "in_waiting_room" ? "desk.waitingSince" : "desk.withDoctorSince", {
                        time: time(item.appointment.statusChangedAt),
                      })}
                    </span>
                  ) : null}
                  {mayBook && isToday ? (
                    <DeskStep
                      id={item.appointment.id}
                      status={item.appointment.status}
                      startsAt={item.appointment.startsAt.toISOString()}
                      patient={`${item.appointment.patientFirstName} ${item.appointment.patientName.toUpperCase()}`}
                    />
                  ) : null}
                  {mayBook ? (
                    <AppointmentActions
                      id={item.appointment.id}
                      status={item.appointment.status}
                      localStart={item.appointment.localStart}
                      slotsFor={{ agendaId: agenda.id, visitReasonId: item.appointment.motifId }}
                      label={`${time(item.appointment.startsAt)} ${item.appointment.patientName.toUpperCase()} ${item.appointment.patientFirstName}`}
                    />
                  ) : null}
                </div>
              </li>
            ) : "block" in item && item.block ? (
              <li
                key={item.key}
                className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200"
                data-testid="agenda-blocked"
              >
                <span className="font-medium tabular-nums">
                  {time(item.block.startsAt)}–{time(item.block.endsAt)}
                </span>{" "}
                · {t("grid.blocked", { reason: item.block.reason })}
              </li>
            ) : "slot" in item && item.slot ? (
              <li key={item.key}>
                {mayBook && reason ? (
                  <BookingDialog
                    agenda={agenda}
                    slot={{ local: item.slot.local, label: slotLabel(item.slot.startsAt) }}
                    visitReasons={visitReasons}
                    visitReasonId={reason.id}
                    patient={patient}
                    timeZone={timeZone}
                  />
                ) : (
                  <p className="rounded-md border border-dashed border-slate-300 px-2 py-1.5 text-sm text-slate-700">
                    <span className="tabular-nums">{slotLabel(item.slot.startsAt)}</span> · {t("booking.free")}
                  </p>
                )}
              </li>
            ) : null,
          )}
        </ol>
      )}
    </section>
  );
}
