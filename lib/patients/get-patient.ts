import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { agendas, appointments, motifs, patients, patientUserProfiles, patientUsers } from "@/db/schema";
import { appointmentRowColumns } from "@/lib/appointments/appointment-rows";
import { NotFoundError } from "@/lib/errors/app-errors";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";

type Ctx = Pick<StaffContext, "db" | "clinicId">;

export async function getPatient(ctx: Ctx, patientId: string) {
  const [patient] = await ctx.db
    .select()
    .from(patients)
    .where(inClinic(ctx, patients, eq(patients.id, patientId)))
    .limit(1);
  // Another clinic's patient is indistinguishable from one that does not exist.
  if (!patient) throw new NotFoundError("Patient");

  const [household, patientAppointments] = await Promise.all([
    getHousehold(ctx, patientId),
    ctx.db
      .select(appointmentRowColumns)
      .from(appointments)
      .innerJoin(agendas, eq(agendas.id, appointments.agendaId))
      .innerJoin(motifs, eq(motifs.id, appointments.motifId))
      .where(inClinic(ctx, appointments, eq(appointments.patientId, patientId)))
      .orderBy(asc(appointments.startsAt)),
  ]);
  const { searchText, ...contact } = patient;
  return { patient: contact, household, appointments: patientAppointments };
}

// The portal accounts that manage this profile, and the other profiles each of them manages.
async function getHousehold(ctx: Ctx, patientId: string) {
  const links = await ctx.db
    .select({
      accountId: patientUsers.id,
      accountName: patientUsers.name,
      accountEmail: patientUsers.email,
      approved: patientUserProfiles.approved,
      relationship: patientUserProfiles.relationship,
    })
    .from(patientUserProfiles)
    .innerJoin(patientUsers, eq(patientUsers.id, patientUserProfiles.patientUserId))
    .where(inClinic(ctx, patientUserProfiles, eq(patientUserProfiles.patientId, patientId)));
  if (!links.length) return [];

  const members = await ctx.db
    .select({
      accountId: patientUserProfiles.patientUserId,
      patientId: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      relationship: patientUserProfiles.relationship,
      approved: patientUserProfiles.approved,
    })
    .from(patientUserProfiles)
    .innerJoin(patients, eq(patients.id, patientUserProfiles.patientId))
    .where(
      inClinic(
        ctx,
        patientUserProfiles,
        and(
          inArray(
            patientUserProfiles.patientUserId,
            links.map((l) => l.accountId),
          ),
          ne(patientUserProfiles.patientId, patientId),
        ),
      ),
    )
    .orderBy(asc(patients.firstName));

  return links.map((link) => ({ ...link, otherProfiles: members.filter((m) => m.accountId === link.accountId) }));
}
