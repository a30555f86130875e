import { agendas, appointments, motifs } from "@/db/schema";

// What every list of appointments shows (the day view, a patient's record): the appointment
// with its agenda's and visit reason's names. Join agendas and motifs to select it.
export const appointmentRowColumns = {
  id: appointments.id,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  // Since when it is in its status: the desk's "in the waiting room since 9:42".
  statusChangedAt: appointments.statusChangedAt,
  bookingReference: appointments.bookingReference,
  bookedBy: appointments.bookedBy,
  agendaId: appointments.agendaId,
  agendaName: agendas.name,
  motifId: appointments.motifId,
  motifName: motifs.name,
  motifColour: motifs.colour,
};
