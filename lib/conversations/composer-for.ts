import "server-only";
import { eq } from "drizzle-orm";
import { patients } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { loadPatientFacts } from "@/lib/notifications/decisions/load-patient-facts";
import { composerChannels } from "./rules";
import { HUB_WHATSAPP_TEMPLATE_NAMES, renderHubTemplate } from "./whatsapp-templates";

// The channels the composer offers for a patient right now, with why the others are not;
// outside the WhatsApp window, the approved templates as this patient would read them.
export async function composerFor(ctx: Pick<StaffContext, "db" | "clinicId" | "clinic">, patientId: string | null, now: Date) {
  if (!patientId) return [];
  const [patient] = await ctx.db
    .select()
    .from(patients)
    .where(inClinic(ctx, patients, eq(patients.id, patientId)));
  if (!patient) return [];
  const facts = (await loadPatientFacts(ctx.db, [patient])).get(patient.id)!;
  return composerChannels(patient, facts.consent, facts.whatsappLastInboundAt, now).map((c) =>
    c.available && c.whatsapp?.mode === "template"
      ? {
          ...c,
          templates: HUB_WHATSAPP_TEMPLATE_NAMES.map((name) => ({
            name,
            text: renderHubTemplate(name, patient.language, patient.firstName, ctx.clinic.name).text,
          })),
        }
      : c,
  );
}
