import "server-only";
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";
import { appointments, deliveries, patients, staffUsers } from "@/db/schema";
import { encodeCursor } from "@/lib/paging/cursor";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { clinicDayRange } from "@/lib/time/clinic-time";
import type { DeliveryLogQuery } from "./schemas";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// What a support search matches: the provider's message id, the address (a phone read in the
// clinic's country, an email, the end of a device token or push endpoint), the appointment's
// reference, or the recipient's name.
// A phone or an email searched for, as the log and the patient records store them.
function contactOf(q: string, ctx: Ctx): string | null {
  if (q.includes("@")) return q.toLowerCase();
  const phone = parsePhoneNumberFromString(q, ctx.clinic.country as CountryCode);
  return phone?.isValid() ? phone.number : null;
}

// The clinic's patients with this phone, landline or email: a search by a patient's number
// shows every notification to them (emails and pushes too), not only those to the number.
async function patientsWithContact(ctx: Ctx, contact: string) {
  return ctx.db
    .select({ id: patients.id, name: sql<string>`${patients.firstName} || ' ' || ${patients.lastName}` })
    .from(patients)
    .where(inClinic(ctx, patients, or(eq(patients.phone, contact), eq(patients.landline, contact), eq(patients.email, contact))))
    .limit(20);
}

function searchFor(q: string, ctx: Ctx, contact: string | null, patientIds: string[]): SQL {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const matches: (SQL | undefined)[] = [
    eq(deliveries.providerMessageId, q),
    contact ? eq(deliveries.address, contact) : undefined,
    patientIds.length ? inArray(deliveries.recipientPatientId, patientIds) : undefined,
    q.length >= 8 && /^[A-Za-z0-9_:.\/-]+$/.test(q) ? like(deliveries.address, `%${escaped}`) : undefined,
    sql`${deliveries.appointmentId} in (select ${appointments.id} from ${appointments} where ${appointments.clinicId} = ${ctx.clinicId} and ${appointments.bookingReference} = ${q})`,
    sql`coalesce(${patients.firstName} || ' ' || ${patients.lastName}, ${staffUsers.name}) ilike ${`%${escaped}%`}`,
  ];
  return or(...matches)!;
}

// The delivery log, newest first, filtered by patient, event, channel, status and clinic days,
// or found by a support search.
// matchedPatients: the patients a phone or email search found, whose every notification is listed.
export async function listDeliveries(ctx: Ctx, q: DeliveryLogQuery) {
  const { timeZone } = ctx.clinic;
  const contact = q.q ? contactOf(q.q, ctx) : null;
  const matchedPatients = contact ? await patientsWithContact(ctx, contact) : [];
  const rows = await ctx.db
    .select({
      id: deliveries.id,
      createdAt: deliveries.createdAt,
      eventType: deliveries.eventType,
      channel: deliveries.channel,
      address: deliveries.address,
      status: deliveries.status,
      skipReason: deliveries.skipReason,
      providerErrorCode: deliveries.providerErrorCode,
      attempts: deliveries.attempts,
      providerMessageId: deliveries.providerMessageId,
      sentAt: deliveries.sentAt,
      deliveredAt: deliveries.deliveredAt,
      readAt: deliveries.readAt,
      failedAt: deliveries.failedAt,
      audience: deliveries.audience,
      recipientId: deliveries.recipientId,
      recipientName: sql<string>`coalesce(${patients.firstName} || ' ' || ${patients.lastName}, ${staffUsers.name}, '')`,
    })
    .from(deliveries)
    .leftJoin(patients, and(eq(deliveries.audience, "patient"), eq(patients.id, deliveries.recipientId)))
    .leftJoin(staffUsers, and(eq(deliveries.audience, "staff"), eq(staffUsers.id, deliveries.recipientId)))
    .where(
      inClinic(
        ctx,
        deliveries,
        q.patient ? eq(deliveries.recipientId, q.patient) : undefined,
        q.q
          ? searchFor(
              q.q,
              ctx,
              contact,
              matchedPatients.map((p) => p.id),
            )
          : undefined,
        q.event ? eq(deliveries.eventType, q.event) : undefined,
        q.channel ? eq(deliveries.channel, q.channel) : undefined,
        q.status ? eq(deliveries.status, q.status) : undefined,
        q.from ? gte(deliveries.createdAt, clinicDayRange(q.from, timeZone).start) : undefined,
        q.to ? lt(deliveries.createdAt, clinicDayRange(q.to, timeZone).end) : undefined,
        q.cursor
          ? sql`(${deliveries.createdAt}, ${deliveries.id}) < (${new Date(q.cursor[0]).toISOString()}::timestamptz, ${q.cursor[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    deliveries: page,
    nextCursor: rows.length > q.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    matchedPatients,
  };
}
