// GET /api/appointments?date=YYYY-MM-DD&agendaId= — one clinic day (the clinic's time zone).
import { staffRoute } from "@/lib/api/staff-route";
import { listAppointmentsOfDay } from "@/lib/appointments/list-appointments";
import { bookAppointment } from "@/lib/appointments/book-appointment";
import { bookSeries } from "@/lib/appointments/book-series";
import { appointmentListSchema, bookingSchema } from "@/lib/appointments/schemas";
import { clinicLocalDate } from "@/lib/time/clinic-time";

export const GET = staffRoute({ permission: "view_patients", query: appointmentListSchema }, async ({ ctx, query }) => ({
  appointments: await listAppointmentsOfDay(ctx, {
    date: query.date ?? clinicLocalDate(new Date(), ctx.clinic.timeZone),
    agendaId: query.agendaId,
  }),
}));

// POST /api/appointments — book a patient into a free slot (clinic time); 409 if it was just taken.
// With repeat: a recurring series (409 series_unavailable lists the dates that cannot be booked).
export const POST = staffRoute({ permission: "manage_appointments", body: bookingSchema }, ({ ctx, body }) =>
  body.repeat ? bookSeries(ctx, { ...body, repeat: body.repeat }, new Date()) : bookAppointment(ctx, body, new Date()),
);
