import "server-only";
import { eq } from "drizzle-orm";
import { patients } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { channelAvailability, type ReachableChannel, type UnavailableReason } from "@/lib/notifications/decisions/channel-availability";
import { loadPatientFacts } from "@/lib/notifications/decisions/load-patient-facts";
import type { ReminderView } from "./reminders-of";

const PATIENT_CHANNELS: readonly ReachableChannel[] = ["whatsapp", "sms", "email", "push"];

export type ReminderReach = { unreachable: { channel: ReachableChannel; reason: UnavailableReason }[]; instead: ReachableChannel[] };

// Whether an appointment's reminders still to go out can reach the patient at all, from the
// same rule the pipeline decides with: null when one of their channels does (or nothing is
// scheduled); else why each one cannot, and the channels that would reach the patient instead.
export async function reminderReach(
  ctx: Pick<StaffContext, "db" | "clinicId">,
  patientId: string,
  reminders: Pick<ReminderView, "status" | "channels">[],
  now: Date,
): Promise<ReminderReach | null> {
  const channels = [...new Set(reminders.filter((r) => r.status === "scheduled").flatMap((r) => r.channels))].filter(
    (c): c is ReachableChannel => (PATIENT_CHANNELS as readonly string[]).includes(c),
  );
  if (!channels.length) return null;
  const [patient] = await ctx.db
    .select()
    .from(patients)
    .where(inClinic(ctx, patients, eq(patients.id, patientId)));
  const facts = patient && (await loadPatientFacts(ctx.db, [patient])).get(patient.id);
  if (!facts) return null;
  const reach = (channel: ReachableChannel) =>
    channelAvailability(
      channel,
      { contact: facts.patient, consent: facts.consent, whatsappLastInboundAt: facts.whatsappLastInboundAt },
      now,
    );
  const unreachable: ReminderReach["unreachable"] = [];
  for (const channel of channels) {
    const availability = reach(channel);
    if (availability.available) return null;
    unreachable.push({ channel, reason: availability.reason });
  }
  return { unreachable, instead: PATIENT_CHANNELS.filter((c) => !channels.includes(c) && reach(c).available) };
}
