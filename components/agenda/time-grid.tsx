"use client";

import { useMutation } from "@tanstack/react-query";
import { DateTime, Settings } from "luxon";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Calendar, luxonLocalizer, type EventProps, type SlotInfo } from "react-big-calendar";
import withDragAndDrop, { type EventInteractionArgs } from "react-big-calendar/lib/addons/dragAndDrop";
import "react-big-calendar/lib/css/react-big-calendar.css";
import "react-big-calendar/lib/addons/dragAndDrop/styles.css";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch } from "@/lib/api/client";
import { BookingDialog, type VisitReasonOption } from "./booking-dialog";
import { BlockedPeriodDialog, GridSelectionDialog } from "./grid-selection-dialog";
import type { GridAppointment, TimeGridProps } from "./time-grid-types";

type GridEvent = GridAppointment & { start: Date; end: Date };
// A closed day, or a blocked period (with its id, so it can be opened and given back).
type Background = { agendaId: string; start: Date; end: Date; title: string; blockId?: string; reason?: string };
type Resource = { id: string; name: string };

const DnDCalendar = withDragAndDrop<GridEvent | Background, Resource>(Calendar);
const STEP_MINUTES = 15;

// The grid runs only in the browser, on the clinic's clock whatever the computer's zone:
// luxon's default zone is what react-big-calendar's luxon localizer lays the days out in.
function clinicLocalizer(timeZone: string, locale: string) {
  Settings.defaultZone = timeZone;
  Settings.defaultLocale = locale;
  return luxonLocalizer(DateTime, { firstDayOfWeek: 1 });
}

const isAppointment = (e: GridEvent | Background): e is GridEvent => "id" in e;

// A day (several agendas side by side) or a week (one agenda) as a time grid: opening hours
// white and the rest shaded, closures named, appointments in their visit reason's colour.
// Drag an appointment to move it, drag its lower edge to change its length, click or drag over
// a free stretch to book; the server keeps the same rules as the move and booking dialogs.
export function TimeGrid(props: TimeGridProps) {
  const { timeZone, locale, date, view, agendas, mayBook } = props;
  const t = useTranslations("agenda.grid");
  const format = useFormatter();
  const router = useRouter();
  const localizer = useMemo(() => clinicLocalizer(timeZone, locale), [timeZone, locale]);
  const zoned = (iso: string) => DateTime.fromISO(iso, { zone: timeZone }).toJSDate();
  const localOf = (at: Date) => DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");
  const time = (at: Date) => format.dateTime(at, { timeStyle: "short", timeZone });

  // The appointments as the server has them, with a moved one shown at its new place meanwhile.
  const [pending, setPending] = useState<{ id: string; start: Date; end: Date } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [booking, setBooking] = useState<{ agendaId: string; local: string; label: string } | null>(null);
  type Picked = { agendaId: string; local: string; endLocal: string; label: string; endLabel: string };
  const [picked, setPicked] = useState<Picked | null>(null);
  const [openBlock, setOpenBlock] = useState<{ agendaId: string; id: string; reason: string; label: string } | null>(null);
  const events: GridEvent[] = props.appointments.map((a) =>
    pending?.id === a.id
      ? { ...a, start: pending.start, end: pending.end }
      : { ...a, start: new Date(a.startsAt), end: new Date(a.endsAt) },
  );
  const open = props.open.map((o) => ({ agendaId: o.agendaId, start: new Date(o.startsAt), end: new Date(o.endsAt) }));
  const background: Background[] = props.closed.map((c) => ({
    agendaId: c.agendaId,
    start: zoned(`${c.day}T00:00`),
    end: zoned(`${c.day}T23:59`),
    title: c.reason ? t("closedBecause", { reason: c.reason }) : t("closed"),
  }));
  for (const b of props.blocked)
    background.push({
      agendaId: b.agendaId,
      start: new Date(b.startsAt),
      end: new Date(b.endsAt),
      title: t("blocked", { reason: b.reason }),
      blockId: b.id,
      reason: b.reason,
    });
  const dayStart = DateTime.fromISO(`${date}T00:00`, { zone: timeZone });

  const move = useMutation({
    mutationFn: (change: { id: string; startsAt: string; durationMinutes?: number }) =>
      apiFetch(`/api/appointments/${change.id}`, {
        method: "PATCH",
        body: JSON.stringify({ action: "reschedule", startsAt: change.startsAt, durationMinutes: change.durationMinutes }),
      }),
    onSuccess: () => router.refresh(),
    onError: (error) => {
      setPending(null);
      setRefusal(refusalText(error));
    },
  });

  function refusalText(error: unknown): string {
    if (!(error instanceof ApiError)) return t("failed");
    if (error.code === "outside_opening_hours") return t("refused.outsideHours");
    if (error.code === "closed") return t("refused.closed");
    if (error.code === "blocked") return t("refused.blocked");
    if (error.code === "slot_taken") return t("refused.taken");
    return error.message;
  }

  function onMove({ event, start, end, resourceId }: EventInteractionArgs<GridEvent | Background>, resized: boolean) {
    if (!isAppointment(event)) return;
    setRefusal(null);
    const from = new Date(start);
    const to = new Date(end);
    if (resourceId !== undefined && resourceId !== event.agendaId) {
      setRefusal(t("refused.otherAgenda"));
      return;
    }
    // Let go where it was: nothing to change, nothing to tell the patient.
    if (from.getTime() === event.start.getTime() && to.getTime() === event.end.getTime()) return;
    const durationMinutes = Math.round((to.getTime() - from.getTime()) / 60_000);
    setPending({ id: event.id, start: from, end: to });
    move.mutate({ id: event.id, startsAt: localOf(from), ...(resized ? { durationMinutes } : {}) });
  }

  function onSelectSlot(slot: SlotInfo) {
    const agendaId = (slot.resourceId as string | undefined) ?? agendas[0]?.id;
    if (!mayBook || !agendaId) return;
    setRefusal(null);
    const start = new Date(slot.start);
    const end = new Date(slot.end);
    setPicked({ agendaId, local: localOf(start), endLocal: localOf(end), label: time(start), endLabel: time(end) });
  }

  function onSelect(e: GridEvent | Background) {
    if (isAppointment(e)) return router.push(`/appointments/${e.id}`);
    if (e.blockId && mayBook)
      setOpenBlock({ agendaId: e.agendaId, id: e.blockId, reason: e.reason ?? "", label: `${time(e.start)} – ${time(e.end)}` });
  }

  const bookingAgenda = booking ? agendas.find((a) => a.id === booking.agendaId) : undefined;
  const reasonsOf = (agendaId: string): VisitReasonOption[] =>
    props.visitReasons.filter((r) => agendas.find((a) => a.id === agendaId)?.visitReasonIds.includes(r.id));

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600" id="grid-help">
        {mayBook ? t("help") : t("helpReadOnly")}
      </p>
      {refusal ? <Alert data-testid="grid-refusal">{refusal}</Alert> : null}
      <div
        className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200"
        data-testid="time-grid"
        data-min-minutes={props.minMinutes}
        data-max-minutes={props.maxMinutes}
        aria-describedby="grid-help"
      >
        <div style={{ minWidth: view === "week" ? 760 : Math.max(320, agendas.length * 180) }} className="h-[70vh] min-h-[480px]">
          <DnDCalendar
            localizer={localizer}
            culture={locale}
            view={view}
            views={["day", "week"]}
            onView={() => undefined}
            date={dayStart.plus({ hours: 12 }).toJSDate()}
            onNavigate={() => undefined}
            toolbar={false}
            events={events}
            backgroundEvents={background}
            resources={view === "day" ? agendas.map((a) => ({ id: a.id, name: a.name })) : undefined}
            resourceIdAccessor="id"
            resourceTitleAccessor="name"
            resourceAccessor="agendaId"
            titleAccessor={(e) => (isAppointment(e) ? `${e.patient} · ${e.motifName}` : e.title)}
            step={STEP_MINUTES}
            timeslots={4}
            min={dayStart.plus({ minutes: props.minMinutes }).toJSDate()}
            max={dayStart.plus({ minutes: props.maxMinutes }).toJSDate()}
            scrollToTime={dayStart.plus({ minutes: props.scrollMinutes }).toJSDate()}
            getNow={() => new Date()}
            selectable={mayBook ? "ignoreEvents" : false}
            resizable={mayBook}
            draggableAccessor={(e) => mayBook && isAppointment(e) && e.movable}
            resizableAccessor={(e) => mayBook && isAppointment(e) && e.movable}
            onEventDrop={(args) => onMove(args, false)}
            onEventResize={(args) => onMove(args, true)}
            onSelectSlot={onSelectSlot}
            slotPropGetter={(at, resourceId) => {
              const agendaId = (resourceId as string | undefined) ?? agendas[0]?.id;
              const isOpen = open.some((o) => o.agendaId === agendaId && o.start <= at && at < o.end);
              return { className: isOpen ? "" : "agenda-off-hours" };
            }}
            eventPropGetter={(e) =>
              isAppointment(e)
                ? {
                    className: `agenda-status-${e.status}`,
                    // A light block with the visit reason's colour as its edge: text stays readable
                    // whatever colour the admin picked.
                    style: {
                      backgroundColor: "#f8fafc",
                      color: "#0f172a",
                      border: "1px solid #cbd5e1",
                      borderLeft: `4px solid ${e.motifColour}`,
                    },
                  }
                : { className: e.blockId ? "agenda-blocked" : "agenda-closure" }
            }
            onSelectEvent={onSelect}
            onKeyPressEvent={(e, key) =>
              isAppointment(e) && (key as unknown as React.KeyboardEvent).key === "Enter" && router.push(`/appointments/${e.id}`)
            }
            drilldownView={null}
            components={{
              event: (p: EventProps<GridEvent | Background>) => <GridEventView {...p} time={time} />,
              // A plain label: the library's own (a "columnheader" outside any row) misleads a screen reader.
              header: ({ label }) => <span>{label}</span>,
            }}
          />
        </div>
      </div>
      {picked ? (
        <GridSelectionDialog
          agenda={agendas.find((a) => a.id === picked.agendaId) ?? agendas[0]}
          selection={picked}
          onBook={() => {
            setPicked(null);
            setBooking({ agendaId: picked.agendaId, local: picked.local, label: picked.label });
          }}
          onClose={() => setPicked(null)}
        />
      ) : null}
      {openBlock ? (
        <BlockedPeriodDialog
          agenda={agendas.find((a) => a.id === openBlock.agendaId) ?? agendas[0]}
          period={openBlock}
          onClose={() => setOpenBlock(null)}
        />
      ) : null}
      {booking && bookingAgenda ? (
        <BookingDialog
          agenda={bookingAgenda}
          slot={{ local: booking.local, label: booking.label }}
          visitReasons={reasonsOf(bookingAgenda.id)}
          visitReasonId={
            props.visitReasonId && bookingAgenda.visitReasonIds.includes(props.visitReasonId)
              ? props.visitReasonId
              : (bookingAgenda.visitReasonIds[0] ?? "")
          }
          patient={props.patient}
          timeZone={timeZone}
          open
          onOpenChange={(o) => (o ? undefined : setBooking(null))}
        />
      ) : null}
    </div>
  );
}

// An appointment's block (react-big-calendar's own button, focusable): its time, patient, visit
// reason and status in words. Enter or a click opens the appointment.
function GridEventView({ event, time }: EventProps<GridEvent | Background> & { time: (at: Date) => string }) {
  if (!isAppointment(event)) return <span className="text-xs font-medium text-slate-700">{event.title}</span>;
  return (
    <span className="block text-xs leading-tight text-slate-900" data-testid="grid-appointment" data-reference={event.reference}>
      <span className="tabular-nums">
        {time(event.start)}
        <span className="sr-only">–{time(event.end)}</span>
      </span>{" "}
      <span className="font-semibold">{event.patient}</span>
      <span className="block truncate">
        {event.motifName} · {event.statusLabel}
      </span>
    </span>
  );
}
