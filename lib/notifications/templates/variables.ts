import type { Clinic, Patient } from "@/db/schema";
import type { AppointmentSubject } from "../events/load-subject";

// Intl formatters are costly to build and immutable: one per locale, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

function seriesOf(value: unknown, date: (d: Date) => string) {
  const series = value as { count?: unknown; lastStartsAt?: unknown } | undefined;
  if (typeof series?.count !== "number" || typeof series.lastStartsAt !== "string") return { count: "", last: "" };
  return { count: series.count, last: date(new Date(series.lastStartsAt)) };
}

// The variables templates may use (domain.md): patient, appointment, doctor, centre,
// financial, walk-in, refund. Dates and money are formatted in the clinic's time zone and
// the patient's language.
export function templateVariables(input: {
  clinic: Pick<Clinic, "name" | "timeZone" | "country">;
  patient: Patient;
  appointment: AppointmentSubject | null;
  data: Record<string, unknown>;
}) {
  const { clinic, patient, appointment, data } = input;
  const locale = `${patient.language}-${clinic.country}`;
  const tz = clinic.timeZone;
  const date = (d: Date) =>
    formatter(
      `d|${locale}|${tz}`,
      () => new Intl.DateTimeFormat(locale, { weekday: "short", day: "numeric", month: "short", timeZone: tz }),
    ).format(d);
  // Written out ("vendredi 19 février"): an abbreviated month's full stop would end the sentence twice.
  const longDate = (d: Date) =>
    formatter(
      `dl|${locale}|${tz}`,
      () => new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", timeZone: tz }),
    ).format(d);
  const time = (d: Date) =>
    formatter(`t|${locale}|${tz}`, () => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: tz })).format(d);
  const currency = typeof data.currency === "string" ? data.currency : clinic.country === "US" ? "USD" : "EUR";
  const money = (n: unknown) =>
    typeof n === "number"
      ? formatter(`m|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: "currency", currency })).format(n)
      : "";
  return {
    patient: {
      name: `${patient.firstName} ${patient.lastName}`,
      firstName: patient.firstName,
      phone: patient.phone ?? "",
      email: patient.email ?? "",
    },
    appointment: appointment
      ? {
          reference: appointment.bookingReference,
          date: date(appointment.startsAt),
          time: time(appointment.startsAt),
          status: appointment.status,
        }
      : {},
    // The agenda's doctor; a room's agenda names no one (templates say "with …" only if there is one).
    doctor: { name: appointment?.doctorName ?? "" },
    centre: { name: clinic.name },
    financial: { amount: money(data.amount), paymentStatus: typeof data.paymentStatus === "string" ? data.paymentStatus : "" },
    walkin: { token: data.tokenNumber ?? "", queue: data.queueName ?? "", position: data.position ?? "", room: data.room ?? "" },
    refund: { amount: money(data.refundAmount) },
    rescheduleUrl: typeof data.rescheduleUrl === "string" ? data.rescheduleUrl : "",
    // A recurring booking, or a change "from this one on": how many appointments, the last one's date.
    series: seriesOf(data.series, longDate),
  };
}
