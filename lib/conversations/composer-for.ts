import { eq } from "drizzle-orm";
import { patients } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { loadPatientFacts } from "@/lib/notifications/decisions/load-patient-facts";
import { composerChannels } from "./rules";

// The channels the composer offers for a patient right now, with why the others are not.
export async function composerFor(ctx: Pick<StaffContext, "db" | "clinicId">, patientId: string | null, now: Date) {
  if (!patientId) return [];
  const [patient] = await ctx.db.select().from(patients).where(inClinic(ctx, patients, eq(patients.id, patientId)));
  if (!patient) return [];
  const facts = (await loadPatientFacts(ctx.db, [patient])).get(patient.id)!;
  return composerChannels(patient, facts.consent, facts.whatsappLastInboundAt, now);
}
