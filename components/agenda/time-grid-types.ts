import type { AppointmentStatus } from "@/db/schema";
import type { VisitReasonOption } from "./booking-dialog";

// What the agenda page hands the time grid: plain values, so it can render in the browser only.
export type GridAppointment = {
  id: string;
  agendaId: string;
  startsAt: string;
  endsAt: string;
  patient: string;
  motifName: string;
  motifColour: string;
  status: AppointmentStatus;
  statusLabel: string;
  reference: string;
  // Upcoming ones only: what has happened stays where it was.
  movable: boolean;
};

export type TimeGridProps = {
  timeZone: string;
  locale: string;
  // The local date shown (the week's Monday in the week view).
  date: string;
  view: "day" | "week";
  agendas: { id: string; name: string; visitReasonIds: string[] }[];
  appointments: GridAppointment[];
  // The agendas' open stretches (instants) and their closed days with the reason.
  open: { agendaId: string; startsAt: string; endsAt: string }[];
  closed: { agendaId: string; day: string; reason: string }[];
  // Time blocked on an agenda's day (a meeting, a home visit).
  blocked: { id: string; agendaId: string; startsAt: string; endsAt: string; reason: string }[];
  // The hours shown, minutes after local midnight.
  minMinutes: number;
  maxMinutes: number;
  // Where the grid opens scrolled to: the earliest opening.
  scrollMinutes: number;
  visitReasons: VisitReasonOption[];
  visitReasonId?: string;
  mayBook: boolean;
  patient?: { id: string; name: string };
};
