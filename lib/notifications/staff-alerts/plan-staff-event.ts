import "server-only";
import type { TraceEntry } from "@/lib/notifications/event-trace";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { staffAlertPreferences, staffAlertRoutes, staffPushSubscriptions, staffUsers, type Channel } from "@/db/schema";
import type { SkipReason } from "@/lib/notifications/skip-reasons";
import type { StaffStoredEvent } from "@/lib/notifications/event-catalog";
import type { ClinicSettings } from "../events/clinic-settings";
import type { EventPlan, PlannedDelivery } from "../events/event-plan";
import { messageTranslator } from "@/lib/i18n/translator";
import { STAFF_ROUTING, staffRecipients } from "./staff-routing";

const OPEN_APP = { en: "Open Clinic Notify to see it.", fr: "Ouvrez Clinic Notify pour le voir." };

// Staff alerts: to whom the clinic's routing rule (or the default) sends them, in-app and to
// each active browser subscription, as each recipient's own preferences allow; the routing
// used is recorded in the event's decisions.
export async function planStaffEvent(db: Database, event: StaffStoredEvent, settings: ClinicSettings): Promise<EventPlan> {
  const type = event.type;
  const data = event.payload;
  const { clinic, channelsFor, providers } = settings;
  const [staff, [custom]] = await Promise.all([
    db
      .select({ id: staffUsers.id, role: staffUsers.role, active: staffUsers.active })
      .from(staffUsers)
      .where(eq(staffUsers.clinicId, event.clinicId)),
    db
      .select()
      .from(staffAlertRoutes)
      .where(and(eq(staffAlertRoutes.clinicId, event.clinicId), eq(staffAlertRoutes.type, type))),
  ]);
  const route = custom ? { roles: custom.roles, namedDoctor: custom.namedDoctor, staffUserIds: custom.staffUserIds } : STAFF_ROUTING[type];
  const routing = { routing: custom ? ("clinic_rule" as const) : ("default" as const), ...route };
  const channels = channelsFor(type);
  // The staff member whose own action raised the alert does not need telling.
  const recipients = staffRecipients(route, staff, data.doctorId).filter((s) => s.id !== data.actorStaffId);
  if (!recipients.length) return { rows: [], decisions: [routing, { reason: "no_recipient" satisfies SkipReason }] };
  // Each one's own choice for this type of alert, per channel (no row: both on).
  const preferences = await db
    .select()
    .from(staffAlertPreferences)
    .where(
      and(
        eq(staffAlertPreferences.type, type),
        inArray(
          staffAlertPreferences.staffUserId,
          recipients.map((r) => r.id),
        ),
      ),
    );

  const subscriptions = channels.includes("web_push")
    ? await db
        .select()
        .from(staffPushSubscriptions)
        .where(
          and(
            inArray(
              staffPushSubscriptions.staffUserId,
              recipients.map((r) => r.id),
            ),
            eq(staffPushSubscriptions.active, true),
          ),
        )
    : [];
  const language = clinic.defaultLanguage;
  // Titles are stored in the clinic's language. The browser notification carries the title
  // only: patient details stay inside the app.
  const title = messageTranslator(language)(`eventTypes.${type.replace(".", "__")}`);
  const rows: PlannedDelivery[] = [];
  const decisions: TraceEntry[] = [routing];

  for (const member of recipients) {
    const base = {
      clinicId: event.clinicId,
      eventId: event.id,
      eventType: type,
      audience: "staff" as const,
      recipientId: member.id,
      language,
    };
    const skip = (channel: Channel, reason: SkipReason) => {
      decisions.push({ staffId: member.id, channel, reason });
      rows.push({ ...base, channel, status: "skipped", skipReason: reason, decision: { reason } });
    };
    const preference = preferences.find((p) => p.staffUserId === member.id);
    for (const channel of channels) {
      if (!providers.has(channel)) {
        skip(channel, "channel_not_enabled");
      } else if ((channel === "in_app" && preference?.inApp === false) || (channel === "web_push" && preference?.webPush === false)) {
        skip(channel, "staff_preference_off");
      } else if (channel === "in_app") {
        rows.push({
          ...base,
          channel,
          address: member.id,
          status: "pending",
          subject: title,
          body: data.summary,
          decision: { rule: "sent", link: data.link },
        });
      } else if (channel === "web_push") {
        const own = subscriptions.filter((s) => s.staffUserId === member.id);
        if (!own.length) skip(channel, "no_subscription");
        for (const s of own) {
          rows.push({
            ...base,
            channel,
            address: s.endpoint,
            status: "pending",
            subject: title,
            body: OPEN_APP[language],
            decision: { rule: "sent", link: data.link },
          });
        }
      }
    }
  }
  return { rows, decisions };
}
