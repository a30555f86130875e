import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD } from "./helpers";

// Every route handler in app/, probed as an attacker would: no session or key (401), a staff
// member without the permission (403), another clinic's id (404), malformed JSON, NUL bytes
// and impossible values (400), an oversized body (413). A route without an entry below fails.

type Ids = {
  patient: string;
  conversation: string;
  delivery: string;
  appointment: string;
  agenda: string;
  visitReason: string;
  clinic: string;
};
type Probe = { path: (foreign: Ids) => string; body?: unknown; query?: string };
// permission "self": any signed-in staff member, acting on their own account only.
type StaffRoute = {
  kind: "staff";
  permission: string;
  idParam?: keyof Ids;
  valid?: Probe;
  nul?: Probe;
  invalid?: Probe;
  takesJson?: boolean;
  stream?: boolean;
  upload?: { limitMiB: number };
};
// "patient": the patient apps' bearer session; "patient_sign_in": where that session is made.
type PatientRoute = { kind: "patient"; nul?: Probe; invalid?: Probe; takesJson?: boolean };
type Route =
  | StaffRoute
  | PatientRoute
  | { kind: "patient_sign_in" }
  | { kind: "api_key" }
  | { kind: "qstash" }
  | { kind: "webhook" }
  | { kind: "handshake" }
  | { kind: "public"; why: string };

const NUL = "\u0000";
const random = "00000000-0000-4000-8000-000000000000";

export const ROUTES: Record<string, Route> = {
  "GET /api/patients": {
    kind: "staff",
    permission: "view_patients",
    nul: { path: () => `/api/patients?q=du${encodeURIComponent(NUL)}pont` },
  },
  "GET /api/patients/[id]": {
    kind: "staff",
    permission: "view_patients",
    idParam: "patient",
    valid: { path: (f) => `/api/patients/${f.patient}` },
  },
  "GET /api/patients/[id]/consent": {
    kind: "staff",
    permission: "view_patients",
    idParam: "patient",
    valid: { path: (f) => `/api/patients/${f.patient}/consent` },
  },
  "POST /api/patients/[id]/consent": {
    kind: "staff",
    permission: "manage_patients",
    idParam: "patient",
    takesJson: true,
    valid: { path: (f) => `/api/patients/${f.patient}/consent`, body: { channel: "whatsapp", state: "opted_in", source: "paper_form" } },
    nul: {
      path: (f) => `/api/patients/${f.patient}/consent`,
      body: { channel: "whatsapp", state: "opted_in", source: `paper${NUL}_form` },
    },
    invalid: { path: (f) => `/api/patients/${f.patient}/consent`, body: { channel: "fax", state: "maybe", source: "rumour" } },
  },
  "GET /api/appointments": {
    kind: "staff",
    permission: "view_patients",
    nul: { path: () => `/api/appointments?agendaId=${encodeURIComponent(NUL)}` },
    invalid: { path: () => "/api/appointments?date=2026-02-30" },
  },
  "PATCH /api/appointments/[id]": {
    kind: "staff",
    permission: "manage_appointments",
    idParam: "appointment",
    takesJson: true,
    valid: { path: (f) => `/api/appointments/${f.appointment}`, body: { action: "set_status", status: "confirmed" } },
    nul: { path: (f) => `/api/appointments/${f.appointment}`, body: { action: "cancel", reason: `no${NUL}` } },
    invalid: { path: (f) => `/api/appointments/${f.appointment}`, body: { action: "reschedule", startsAt: "2026-13-45T99:99" } },
  },
  "POST /api/patients": {
    kind: "staff",
    permission: "manage_patients",
    takesJson: true,
    valid: { path: () => "/api/patients", body: { firstName: "Route", lastName: "Probe", phone: "06 12 34 56 78" } },
    nul: { path: () => "/api/patients", body: { firstName: `Ro${NUL}ute`, lastName: "Probe" } },
    invalid: { path: () => "/api/patients", body: { firstName: "Route", lastName: "Probe", phone: "12", dateOfBirth: "2026-02-30" } },
  },
  "PATCH /api/patients/[id]": {
    kind: "staff",
    permission: "manage_patients",
    idParam: "patient",
    takesJson: true,
    valid: { path: (f) => `/api/patients/${f.patient}`, body: { lastName: "Probe" } },
    nul: { path: (f) => `/api/patients/${f.patient}`, body: { postalAddress: `1 rue${NUL}` } },
    invalid: { path: (f) => `/api/patients/${f.patient}`, body: { email: "not an email", preferredChannel: "pigeon" } },
  },
  "POST /api/patients/[id]/merge": {
    kind: "staff",
    permission: "manage_patients",
    idParam: "patient",
    takesJson: true,
    valid: { path: (f) => `/api/patients/${f.patient}/merge`, body: { duplicateId: random } },
    nul: { path: (f) => `/api/patients/${f.patient}/merge`, body: { duplicateId: `${NUL}` } },
    invalid: { path: (f) => `/api/patients/${f.patient}/merge`, body: { duplicateId: "the other one" } },
  },
  "POST /api/patients/[id]/household": {
    kind: "staff",
    permission: "manage_patients",
    idParam: "patient",
    takesJson: true,
    valid: { path: (f) => `/api/patients/${f.patient}/household`, body: { accountId: random, relationship: "child" } },
    nul: { path: (f) => `/api/patients/${f.patient}/household`, body: { accountId: random, relationship: `child${NUL}` } },
    invalid: { path: (f) => `/api/patients/${f.patient}/household`, body: { accountId: "x", relationship: "cousin" } },
  },
  "PATCH /api/patients/[id]/household/[accountId]": {
    kind: "staff",
    permission: "manage_patients",
    idParam: "patient",
    takesJson: true,
    valid: { path: (f) => `/api/patients/${f.patient}/household/${random}`, body: { approved: true } },
    invalid: { path: (f) => `/api/patients/${f.patient}/household/not-an-id`, body: { approved: false } },
  },
  "DELETE /api/patients/[id]/household/[accountId]": {
    kind: "staff",
    permission: "manage_patients",
    idParam: "patient",
    valid: { path: (f) => `/api/patients/${f.patient}/household/${random}` },
  },
  "GET /api/portal-accounts": {
    kind: "staff",
    permission: "manage_patients",
    nul: { path: () => `/api/portal-accounts?q=ab${encodeURIComponent(NUL)}` },
    invalid: { path: () => "/api/portal-accounts?q=a" },
  },
  "GET /api/agendas": { kind: "staff", permission: "view_patients" },
  "GET /api/agendas/[id]/slots": {
    kind: "staff",
    permission: "view_patients",
    idParam: "agenda",
    valid: { path: (f) => `/api/agendas/${f.agenda}/slots?from=2026-12-01&to=2026-12-07&visitReasonId=${random}` },
    nul: { path: () => `/api/agendas/${random}/slots?from=2026-12-01&to=2026-12-07&visitReasonId=${encodeURIComponent(NUL)}` },
    invalid: { path: () => `/api/agendas/${random}/slots?from=2026-02-30&to=2027-12-07&visitReasonId=${random}` },
  },
  "POST /api/agendas/[id]/blocks": {
    kind: "staff",
    permission: "manage_appointments",
    idParam: "agenda",
    takesJson: true,
    valid: {
      path: (f) => `/api/agendas/${f.agenda}/blocks`,
      body: { startsAt: "2027-01-05T14:00", endsAt: "2027-01-05T15:30", reason: "Probe" },
    },
    nul: {
      path: (f) => `/api/agendas/${f.agenda}/blocks`,
      body: { startsAt: "2027-01-05T14:00", endsAt: "2027-01-05T15:30", reason: `a${NUL}b` },
    },
    invalid: {
      path: (f) => `/api/agendas/${f.agenda}/blocks`,
      body: { startsAt: "2027-02-30T14:00", endsAt: "2027-01-05T13:00", reason: "" },
    },
  },
  "DELETE /api/agendas/[id]/blocks/[blockId]": {
    kind: "staff",
    permission: "manage_appointments",
    idParam: "agenda",
    valid: { path: (f) => `/api/agendas/${f.agenda}/blocks/${random}` },
  },
  "GET /api/visit-reasons": { kind: "staff", permission: "view_patients" },
  "POST /api/agendas": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => "/api/agendas", body: { name: "Probe" } },
    nul: { path: () => "/api/agendas", body: { name: `Pro${NUL}be` } },
    invalid: { path: () => "/api/agendas", body: { name: "", doctorId: "someone" } },
  },
  "PATCH /api/agendas/[id]": {
    kind: "staff",
    permission: "manage_settings",
    idParam: "agenda",
    takesJson: true,
    valid: { path: (f) => `/api/agendas/${f.agenda}`, body: { name: "Probe" } },
    nul: { path: (f) => `/api/agendas/${f.agenda}`, body: { name: `Pro${NUL}be` } },
    invalid: { path: (f) => `/api/agendas/${f.agenda}`, body: { week: [{ weekday: 8, opens: "25:00", closes: "08:00" }] } },
  },
  "POST /api/closures": {
    kind: "staff",
    permission: "manage_settings",
    idParam: "agenda",
    takesJson: true,
    valid: {
      path: () => "/api/closures",
      body: { agendaId: "FOREIGN_AGENDA", startsOn: "2027-01-04", endsOn: "2027-01-04", reason: "Probe" },
    },
    nul: { path: () => "/api/closures", body: { agendaId: null, startsOn: "2027-01-04", endsOn: "2027-01-04", reason: `a${NUL}` } },
    invalid: { path: () => "/api/closures", body: { agendaId: null, startsOn: "2027-02-30", endsOn: "2026-01-01" } },
  },
  "DELETE /api/closures/[id]": { kind: "staff", permission: "manage_settings", valid: { path: () => `/api/closures/${random}` } },
  "POST /api/visit-reasons": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => "/api/visit-reasons", body: { name: "Probe", durationMinutes: 15 } },
    nul: { path: () => "/api/visit-reasons", body: { name: `Pro${NUL}be`, durationMinutes: 15 } },
    invalid: { path: () => "/api/visit-reasons", body: { name: "Probe", durationMinutes: 1e20, colour: "red" } },
  },
  "PATCH /api/visit-reasons/[id]": {
    kind: "staff",
    permission: "manage_settings",
    idParam: "visitReason",
    takesJson: true,
    valid: { path: (f) => `/api/visit-reasons/${f.visitReason}`, body: { durationMinutes: 25 } },
    nul: { path: (f) => `/api/visit-reasons/${f.visitReason}`, body: { name: `Pro${NUL}be` } },
    invalid: { path: (f) => `/api/visit-reasons/${f.visitReason}`, body: { durationMinutes: 2 } },
  },
  "GET /api/me/alerts": { kind: "staff", permission: "self", invalid: { path: () => "/api/me/alerts?limit=0&cursor=nope" } },
  "PATCH /api/me/alerts/[id]": {
    kind: "staff",
    permission: "self",
    takesJson: true,
    valid: { path: () => `/api/me/alerts/${random}`, body: { read: true } },
    nul: { path: () => `/api/me/alerts/${random}`, body: { read: `t${NUL}` } },
    invalid: { path: () => "/api/me/alerts/not-an-id", body: { read: "yes" } },
  },
  "POST /api/me/alerts/read-all": { kind: "staff", permission: "self" },
  "GET /api/me/alerts/events": { kind: "staff", permission: "self", stream: true },
  "GET /api/me/push-subscriptions": { kind: "staff", permission: "self" },
  "POST /api/me/push-subscriptions": {
    kind: "staff",
    permission: "self",
    takesJson: true,
    valid: {
      path: () => "/api/me/push-subscriptions",
      body: { endpoint: "http://127.0.0.1:9/push/probe", keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) }, browser: "Probe" },
    },
    nul: {
      path: () => "/api/me/push-subscriptions",
      body: { endpoint: "http://127.0.0.1:9/push/probe", keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) }, browser: `Pro${NUL}be` },
    },
    invalid: { path: () => "/api/me/push-subscriptions", body: { endpoint: "javascript:alert(1)", keys: { p256dh: "!", auth: "" } } },
  },
  "DELETE /api/me/push-subscriptions/[id]": {
    kind: "staff",
    permission: "self",
    valid: { path: () => `/api/me/push-subscriptions/${random}` },
  },
  "POST /api/me/push-subscriptions/test": { kind: "staff", permission: "self" },
  "GET /api/alert-routes": { kind: "staff", permission: "manage_settings" },
  "PUT /api/alert-routes": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => "/api/alert-routes", body: { type: "staff.low_stock", roles: ["admin"], namedDoctor: false } },
    nul: { path: () => "/api/alert-routes", body: { type: `staff.low${NUL}_stock`, roles: [], namedDoctor: false } },
    invalid: {
      path: () => "/api/alert-routes",
      body: { type: "staff.party", roles: ["janitor"], namedDoctor: "yes", staffUserIds: ["x"] },
    },
  },
  "GET /api/me/alert-preferences": { kind: "staff", permission: "self" },
  "PUT /api/me/alert-preferences": {
    kind: "staff",
    permission: "self",
    takesJson: true,
    valid: { path: () => "/api/me/alert-preferences", body: { preferences: [{ type: "staff.low_stock", inApp: true, webPush: true }] } },
    nul: { path: () => "/api/me/alert-preferences", body: { preferences: [{ type: `staff${NUL}`, inApp: true, webPush: true }] } },
    invalid: { path: () => "/api/me/alert-preferences", body: { preferences: [] } },
  },
  "POST /api/patient/session": { kind: "patient_sign_in" },
  "DELETE /api/patient/session": { kind: "patient" },
  "POST /api/devices": {
    kind: "patient",
    takesJson: true,
    nul: { path: () => "/api/devices", body: { token: "fcm-token-probe-0000000001", platform: "ios", appVersion: `3${NUL}` } },
    invalid: { path: () => "/api/devices", body: { token: "short", platform: "blackberry", timeZone: "Mars/Olympus" } },
  },
  "DELETE /api/devices/[token]": { kind: "patient", invalid: { path: () => "/api/devices/not%20a%20token" } },
  "GET /api/patient/appointments": { kind: "patient" },
  "POST /api/patient/appointments/[id]/cancel": {
    kind: "patient",
    takesJson: true,
    nul: { path: (f) => `/api/patient/appointments/${f.appointment}/cancel`, body: { reason: `Feeling${NUL} better` } },
    invalid: { path: () => "/api/patient/appointments/not-an-id/cancel", body: { reason: "x".repeat(501), refund: true } },
  },
  "GET /api/staff": { kind: "staff", permission: "manage_staff" },
  "POST /api/staff": {
    kind: "staff",
    permission: "manage_staff",
    takesJson: true,
    valid: {
      path: () => "/api/staff",
      body: { name: "Route Probe", email: "route.probe@example.com", role: "receptionist", password: "a long enough password" },
    },
    nul: {
      path: () => "/api/staff",
      body: { name: `Route${NUL}Probe`, email: "route.probe@example.com", role: "receptionist", password: "a long enough password" },
    },
    invalid: { path: () => "/api/staff", body: { name: "", email: "nope", role: "wizard", password: "short" } },
  },
  "PATCH /api/staff/[id]": {
    kind: "staff",
    permission: "manage_staff",
    takesJson: true,
    valid: { path: () => `/api/staff/${random}`, body: { active: true } },
    nul: { path: () => `/api/staff/${random}`, body: { name: `Ni${NUL}na` } },
    invalid: { path: () => "/api/staff/not-an-id", body: { role: "wizard", permissions: ["fly"] } },
  },
  "POST /api/staff/[id]/password": {
    kind: "staff",
    permission: "manage_staff",
    takesJson: true,
    valid: { path: () => `/api/staff/${random}/password`, body: { password: "a long enough password" } },
    nul: { path: () => `/api/staff/${random}/password`, body: { password: `a long${NUL} enough password` } },
    invalid: { path: () => `/api/staff/${random}/password`, body: { password: "short" } },
  },
  "GET /api/channels": { kind: "staff", permission: "manage_settings" },
  "PUT /api/channels/[channel]": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => "/api/channels/telegram", body: { enabled: false, config: {} } },
    nul: { path: () => "/api/channels/telegram", body: { enabled: false, config: { baseUrl: `https://api.telegram.org${NUL}` } } },
    invalid: { path: () => "/api/channels/pigeon", body: { enabled: "yes" } },
  },
  "POST /api/channels/[channel]/test": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => "/api/channels/sms/test", body: { to: "+33612345678" } },
    nul: { path: () => "/api/channels/sms/test", body: { to: `+3361234${NUL}5678` } },
    invalid: { path: () => "/api/channels/sms/test", body: { to: "" } },
  },
  "GET /api/templates": {
    kind: "staff",
    permission: "manage_settings",
    valid: { path: () => "/api/templates?event=appointment.cancelled" },
    invalid: { path: () => "/api/templates?event=appointment.teleported" },
    nul: { path: () => `/api/templates?event=appointment.${encodeURIComponent(NUL)}` },
  },
  "PUT /api/templates": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: {
      path: () => "/api/templates",
      body: { eventType: "appointment.cancelled", channel: "sms", language: "en", body: "Probe {{patient.firstName}}" },
    },
    nul: {
      path: () => "/api/templates",
      body: { eventType: "appointment.cancelled", channel: "sms", language: "en", body: `Pro${NUL}be` },
    },
    invalid: { path: () => "/api/templates", body: { eventType: "appointment.cancelled", channel: "pigeon", language: "de", body: "" } },
  },
  "POST /api/templates/preview": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: {
      path: () => "/api/templates/preview",
      body: { eventType: "appointment.cancelled", channel: "sms", language: "en", body: "Probe" },
    },
    nul: {
      path: () => "/api/templates/preview",
      body: { eventType: "appointment.cancelled", channel: "sms", language: "en", body: `Pro${NUL}be` },
    },
    invalid: {
      path: () => "/api/templates/preview",
      body: { eventType: "appointment.cancelled", channel: "sms", language: "en", body: "Hi {{patient.age}}" },
    },
  },
  "POST /api/templates/reset": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => "/api/templates/reset", body: { eventType: "appointment.cancelled", channel: "sms", language: "en" } },
    nul: { path: () => "/api/templates/reset", body: { eventType: "appointment.cancelled", channel: `s${NUL}ms`, language: "en" } },
    invalid: { path: () => "/api/templates/reset", body: { eventType: "nothing", channel: "sms", language: "xx" } },
  },
  "GET /api/event-channels": { kind: "staff", permission: "manage_settings" },
  "PUT /api/event-channels": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    nul: { path: () => "/api/event-channels", body: { eventType: "appointment.cancelled", channels: [`em${NUL}ail`] } },
    invalid: { path: () => "/api/event-channels", body: { eventType: "appointment.teleported", channels: ["pigeon", "sms", "sms"] } },
  },
  "GET /api/audit": {
    kind: "staff",
    permission: "view_audit_log",
    invalid: { path: () => "/api/audit?kind=gossip&from=2026-02-30" },
    nul: { path: () => `/api/audit?staff=${encodeURIComponent(NUL)}` },
  },
  "GET /api/notification-switches": { kind: "staff", permission: "manage_settings" },
  "PATCH /api/notification-switches": {
    kind: "staff",
    permission: "manage_settings",
    idParam: "agenda",
    takesJson: true,
    valid: { path: () => "/api/notification-switches", body: { target: "agenda", id: "FOREIGN_AGENDA", switch: "sms", on: false } },
    nul: { path: () => "/api/notification-switches", body: { target: "agenda", id: random, switch: `sm${NUL}s`, on: false } },
    invalid: { path: () => "/api/notification-switches", body: { target: "agenda", id: "not-an-id", switch: "pigeon", on: "maybe" } },
  },
  "GET /api/reminder-rules": { kind: "staff", permission: "manage_settings" },
  "PUT /api/reminder-rules": {
    kind: "staff",
    permission: "manage_settings",
    idParam: "agenda",
    takesJson: true,
    valid: {
      path: () => "/api/reminder-rules",
      body: {
        agendaId: "FOREIGN_AGENDA",
        steps: [{ offsetMinutes: 180, channels: ["sms"] }],
        quietHours: { startsAt: "21:00", endsAt: "08:00" },
      },
    },
    nul: {
      path: () => "/api/reminder-rules",
      body: { steps: [{ offsetMinutes: 180, channels: [`sm${NUL}s`] }], quietHours: { startsAt: "21:00", endsAt: "08:00" } },
    },
    invalid: {
      path: () => "/api/reminder-rules",
      body: { steps: [{ offsetMinutes: -60, channels: ["pigeon"] }], quietHours: { startsAt: "9pm", endsAt: "25:00" } },
    },
  },
  "DELETE /api/reminder-rules/[id]": {
    kind: "staff",
    permission: "manage_settings",
    valid: { path: () => `/api/reminder-rules/${random}` },
  },
  "POST /api/appointments": {
    kind: "staff",
    permission: "manage_appointments",
    idParam: "agenda",
    takesJson: true,
    valid: {
      path: () => "/api/appointments",
      body: { agendaId: "FOREIGN_AGENDA", visitReasonId: random, patientId: random, startsAt: "2027-01-05T09:00" },
    },
    nul: {
      path: () => "/api/appointments",
      body: { agendaId: random, visitReasonId: random, patientId: random, startsAt: `2027-01-05T09:00${NUL}` },
    },
    invalid: {
      path: () => "/api/appointments",
      body: { agendaId: random, visitReasonId: "lunch", patientId: random, startsAt: "2027-02-30T25:00" },
    },
  },
  "POST /api/attachments": { kind: "staff", permission: "send_messages", upload: { limitMiB: 10 } },
  "POST /api/imports": { kind: "staff", permission: "manage_settings", upload: { limitMiB: 50 } },
  "GET /api/imports/[id]": { kind: "staff", permission: "manage_settings", valid: { path: () => `/api/imports/${random}` } },
  "POST /api/imports/[id]/dry-run": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => `/api/imports/${random}/dry-run`, body: { mapping: { externalId: 0, lastName: 1, firstName: 2 } } },
    nul: { path: () => `/api/imports/${random}/dry-run`, body: { mapping: { [`last${NUL}Name`]: 1 } } },
    invalid: { path: () => `/api/imports/${random}/dry-run`, body: { mapping: { lastName: -1 } } },
  },
  "POST /api/imports/[id]/run": {
    kind: "staff",
    permission: "manage_settings",
    takesJson: true,
    valid: { path: () => `/api/imports/${random}/run`, body: { mapping: { externalId: 0, lastName: 1, firstName: 2 } } },
    invalid: { path: () => `/api/imports/${random}/run`, body: { mapping: { phone: 4 } } },
  },
  "GET /api/imports/[id]/errors": { kind: "staff", permission: "manage_settings", valid: { path: () => `/api/imports/${random}/errors` } },
  "GET /api/attachments/[id]": { kind: "staff", permission: "send_messages", valid: { path: () => `/api/attachments/${random}` } },
  "GET /api/conversations": {
    kind: "staff",
    permission: "send_messages",
    nul: { path: () => `/api/conversations?q=ab${encodeURIComponent(NUL)}` },
  },
  "POST /api/conversations": {
    kind: "staff",
    permission: "send_messages",
    idParam: "patient",
    takesJson: true,
    valid: { path: () => "/api/conversations", body: { patientId: "FOREIGN_PATIENT", message: { channel: "portal", body: "Bonjour" } } },
    nul: { path: () => "/api/conversations", body: { patientId: random, message: { channel: "portal", body: `a${NUL}b` } } },
  },
  "GET /api/conversations/[id]": {
    kind: "staff",
    permission: "send_messages",
    idParam: "conversation",
    valid: { path: (f) => `/api/conversations/${f.conversation}` },
  },
  "PATCH /api/conversations/[id]": {
    kind: "staff",
    permission: "send_messages",
    idParam: "conversation",
    takesJson: true,
    valid: { path: (f) => `/api/conversations/${f.conversation}`, body: { starred: true } },
  },
  "POST /api/conversations/[id]/attach": {
    kind: "staff",
    permission: "send_messages",
    idParam: "conversation",
    takesJson: true,
    valid: { path: (f) => `/api/conversations/${f.conversation}/attach`, body: { patientId: random } },
  },
  "POST /api/conversations/[id]/calls": {
    kind: "staff",
    permission: "send_messages",
    idParam: "conversation",
    takesJson: true,
    valid: {
      path: (f) => `/api/conversations/${f.conversation}/calls`,
      body: { direction: "inbound", at: new Date().toISOString(), durationMinutes: 3, summary: "Call" },
    },
    nul: {
      path: (f) => `/api/conversations/${f.conversation}/calls`,
      body: { direction: "inbound", at: new Date().toISOString(), durationMinutes: 3, summary: `Call${NUL}` },
    },
    invalid: {
      path: (f) => `/api/conversations/${f.conversation}/calls`,
      body: { direction: "inbound", at: "2026-02-30T10:00:00Z", durationMinutes: 1e20, summary: "x" },
    },
  },
  "GET /api/conversations/[id]/export": {
    kind: "staff",
    permission: "send_messages",
    idParam: "conversation",
    valid: { path: (f) => `/api/conversations/${f.conversation}/export` },
  },
  "POST /api/conversations/[id]/messages": {
    kind: "staff",
    permission: "send_messages",
    idParam: "conversation",
    takesJson: true,
    valid: { path: (f) => `/api/conversations/${f.conversation}/messages`, body: { channel: "portal", body: "Bonjour" } },
    nul: { path: (f) => `/api/conversations/${f.conversation}/messages`, body: { channel: "portal", body: `Bon${NUL}jour` } },
  },
  "GET /api/conversations/events": { kind: "staff", permission: "send_messages", stream: true },
  "GET /api/agendas/events": { kind: "staff", permission: "view_patients", stream: true },
  "GET /api/deliveries": { kind: "staff", permission: "view_deliveries", invalid: { path: () => "/api/deliveries?from=2026-02-30" } },
  "GET /api/deliveries/export": {
    kind: "staff",
    permission: "view_deliveries",
    invalid: { path: () => "/api/deliveries/export?from=2026-02-30&status=lost" },
    nul: { path: () => `/api/deliveries/export?q=ab${encodeURIComponent(NUL)}` },
  },
  "GET /api/deliveries/[id]": {
    kind: "staff",
    permission: "view_deliveries",
    idParam: "delivery",
    valid: { path: (f) => `/api/deliveries/${f.delivery}` },
  },
  "GET /api/me/preferences": { kind: "staff", permission: "self" },
  "PATCH /api/me/preferences": {
    kind: "staff",
    permission: "self",
    takesJson: true,
    valid: { path: () => "/api/me/preferences", body: { keyboardShortcuts: true } },
    nul: { path: () => "/api/me/preferences", body: { keyboardShortcuts: NUL } },
    invalid: { path: () => "/api/me/preferences", body: { keyboardShortcuts: true, staffId: random } },
  },
  "GET /api/dev/sinks": { kind: "staff", permission: "view_local_sinks" },
  "DELETE /api/dev/sinks": { kind: "staff", permission: "view_local_sinks" },
  "POST /api/events": { kind: "api_key" },
  "POST /api/jobs/events": { kind: "qstash" },
  "POST /api/jobs/reminders": { kind: "qstash" },
  "POST /api/webhooks/ses/[clinicId]": { kind: "webhook" },
  "POST /api/webhooks/sms/[clinicId]": { kind: "webhook" },
  "POST /api/webhooks/whatsapp/[clinicId]": { kind: "webhook" },
  "GET /api/webhooks/whatsapp/[clinicId]": { kind: "handshake" },
  "GET /api/health": { kind: "public", why: "liveness for load balancers; says nothing about any clinic" },
  "GET /api/auth/[...nextauth]": { kind: "public", why: "next-auth's own endpoints (session, CSRF token, providers)" },
  "POST /api/auth/[...nextauth]": { kind: "public", why: "next-auth's sign-in and sign-out, CSRF-token protected, throttled" },
};

// Server actions: each validates its input with zod and answers a refusal, never a 500. A new
// "use server" module without an entry fails the test below.
export const SERVER_ACTIONS: Record<string, string> = {
  "lib/i18n/set-locale.ts": "setLocale(locale): localeSchema; anything else answers { ok: false } and sets nothing",
};

// Every source file under the given folders, with its text.
function sourceFilesUnder(dirs: string[]): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(name)) found.push({ file: full.split(path.sep).join("/"), text: readFileSync(full, "utf8") });
    }
  };
  for (const dir of dirs) walk(dir);
  return found;
}

function discoveredServerActions(): string[] {
  return sourceFilesUnder(["app", "lib", "components"])
    .filter(({ text }) => /^["']use server["']/m.test(text))
    .map(({ file }) => file)
    .sort();
}

// What app/ really exports: every route file and its methods.
function discoveredRoutes(): string[] {
  return sourceFilesUnder(["app"])
    .filter(({ file }) => file.endsWith("/route.ts"))
    .flatMap(({ file, text }) => {
      const url = `/${path.dirname(path.relative("app", file)).split(path.sep).join("/")}`;
      return [...text.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${url}`);
    })
    .sort();
}

async function signedIn(browser: Browser, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  // The page this story visits is axe-checked like every other (WCAG 2.1 A/AA).
  await expectAccessible(page, "sign-in, before probing the routes");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signed in once the form is left (someone without permissions lands on the forbidden page).
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page.request;
}

const call = (request: APIRequestContext, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
  request.fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    data: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    maxRedirects: 0,
  });

const OVERSIZED = "x".repeat(2 * 1024 * 1024);
const sendable = (method: string, body: unknown) => (method === "GET" || method === "DELETE" ? undefined : body);

test.describe.serial("every route, probed as an attacker", () => {
  let allowed: APIRequestContext; // Paris admin: every permission
  let powerless: APIRequestContext; // Paris finance: no permission at all
  let anonymous: APIRequestContext;
  let foreign: Ids;
  const table: string[] = [];

  test.beforeAll(async ({ browser, playwright, baseURL }) => {
    allowed = await signedIn(browser, "admin@saint-martin.demo");
    powerless = await signedIn(browser, "finance@saint-martin.demo");
    anonymous = await playwright.request.newContext({ baseURL });
    const hudson = await signedIn(browser, "admin@hudson.demo");
    const first = async (url: string, key: string) =>
      ((await (await hudson.get(url)).json()) as Record<string, { id: string }[]>)[key][0]?.id;
    let appointment = "";
    for (let d = 1; !appointment && d < 14; d++) {
      const date = new Date(Date.now() + d * 86400_000).toISOString().slice(0, 10);
      const { appointments } = (await (await hudson.get(`/api/appointments?date=${date}`)).json()) as {
        appointments: { id: string; status: string }[];
      };
      appointment = appointments.find((a) => a.status === "confirmed")?.id ?? "";
    }
    // Hudson's own delivery log: a cancellation makes one if the log is still empty.
    let delivery = await first("/api/deliveries?limit=1", "deliveries");
    if (!delivery) {
      await hudson.patch(`/api/appointments/${appointment}`, { data: { action: "cancel", reason: "route probe" } });
      await expect.poll(async () => (delivery = await first("/api/deliveries?limit=1", "deliveries")), { timeout: 15_000 }).toBeTruthy();
    }
    const patient = await first("/api/patients?limit=1", "patients");
    const { patient: record } = await (await hudson.get(`/api/patients/${patient}`)).json();
    foreign = {
      patient,
      conversation: await first("/api/conversations?limit=1", "conversations"),
      delivery: delivery!,
      appointment,
      agenda: await first("/api/agendas", "agendas"),
      visitReason: await first("/api/visit-reasons", "visitReasons"),
      clinic: record.clinicId,
    };
    expect(Object.values(foreign).every(Boolean), JSON.stringify(foreign)).toBe(true);
  });

  // A demo portal account's session for the patient apps' routes (made once).
  let token: string | undefined;
  const patientToken = async () => {
    if (token) return token;
    const { accounts } = (await (await allowed.get("/api/portal-accounts?q=example")).json()) as { accounts: { email: string }[] };
    const response = await anonymous.post("/api/patient/session", {
      data: { clinic: "saint-martin", email: accounts[0].email, password: DEMO_PASSWORD },
    });
    expect(response.status()).toBe(201);
    token = ((await response.json()) as { token: string }).token;
    return token;
  };

  test.afterAll(() => {
    console.log(["| route | 401 | 403 | 404 | 400 | 413 |", "|---|---|---|---|---|---|", ...table].join("\n"));
  });

  test("pages carry a CSP with a fresh nonce and refuse framing; every response has the security headers", async () => {
    const first = await anonymous.get("/sign-in");
    const second = await anonymous.get("/sign-in");
    const csp = first.headers()["content-security-policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    // Next puts the nonce on its own scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    const health = await anonymous.get("/api/health");
    expect(await health.json()).toMatchObject({
      status: "ok",
      db: "ok",
      queue: { mode: "embedded", failed: 0 },
      worker: { running: true },
      liveFeed: { state: expect.any(String) },
    });
    for (const response of [first, health]) {
      expect(response.headers()).toMatchObject({
        "x-content-type-options": "nosniff",
        "x-frame-options": "DENY",
        "referrer-policy": "strict-origin-when-cross-origin",
      });
      expect(response.headers()["permissions-policy"]).toContain("camera=()");
    }
  });

  test("every route handler and server action has an entry (a new one without one fails here)", () => {
    expect(discoveredRoutes()).toEqual(Object.keys(ROUTES).sort());
    expect(discoveredServerActions()).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  for (const [name, route] of Object.entries(ROUTES)) {
    test(name, async () => {
      const [method, template] = name.split(" ");
      const row: Record<string, string> = { "401": "—", "403": "—", "404": "—", "400": "—", "413": "—" };
      const url = template.replace("[clinicId]", foreign.clinic).replace(/\[id\]/, random);
      if (route.kind === "staff") {
        const probe = route.valid ?? { path: () => url };
        const target = probe.path(foreign);
        const body = JSON.stringify(probe.body ?? {})
          .replace("FOREIGN_PATIENT", foreign.patient)
          .replace("FOREIGN_AGENDA", foreign.agenda);
        const sendBody = method !== "GET" && method !== "DELETE" ? body : undefined;
        expect((await call(anonymous, method, target, sendBody)).status(), "no session").toBe(401);
        if (route.permission === "self") {
          // Nothing to grant: a staff member without any permission still has their own account
          // (a stream never ends, so it is opened by the stories in a browser instead).
          // (One's own alert that does not exist is simply not found.)
          if (!route.stream) expect([200, 404], "one's own account").toContain((await call(powerless, method, target, sendBody)).status());
          row["401"] = "✓";
          row["403"] = "self";
        } else {
          expect((await call(powerless, method, target, sendBody)).status(), "no permission").toBe(403);
          row["401"] = row["403"] = "✓";
        }
        if (route.idParam) {
          expect((await call(allowed, method, target, sendBody)).status(), "another clinic's id").toBe(404);
          row["404"] = "✓";
        }
        if (method !== "GET") {
          expect((await call(allowed, method, target, sendBody, { origin: "https://evil.example" })).status(), "a cross-site Origin").toBe(
            403,
          );
          expect(
            (await call(allowed, method, target, sendBody, { "sec-fetch-site": "cross-site" })).status(),
            "Sec-Fetch-Site: cross-site",
          ).toBe(403);
        }
        if (route.takesJson) {
          expect(
            (await call(allowed, method, target, sendBody, { "content-type": "text/plain" })).status(),
            "a body that is not JSON",
          ).toBe(415);
          expect((await call(allowed, method, target, "{not json")).status(), "malformed JSON").toBe(400);
          expect((await call(allowed, method, target, OVERSIZED)).status(), "oversized body").toBe(413);
          row["413"] = "✓";
        }
        if (route.upload) {
          const tooLarge = await allowed.post(target, {
            multipart: {
              file: { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc((route.upload.limitMiB + 1) * 1024 * 1024) },
            },
          });
          expect(tooLarge.status(), "an upload over the limit").toBe(413);
          // Upload routes bypass the proxy (which would buffer their bodies) and still carry the headers.
          expect(tooLarge.headers()["x-content-type-options"]).toBe("nosniff");
          expect((await call(allowed, method, target, "not a form", { "content-type": "text/plain" })).status(), "not multipart").toBe(400);
          row["400"] = row["413"] = "✓";
        }
        for (const bad of [route.nul, route.invalid]) {
          if (!bad) continue;
          const response = await call(allowed, method, bad.path(foreign), bad.body === undefined ? undefined : JSON.stringify(bad.body));
          expect(response.status(), `bad input: ${bad.path(foreign)}`).toBe(400);
          expect((await response.json()).error.fields).toBeTruthy();
          row["400"] = "✓";
        }
        if (route.takesJson) row["400"] = "✓";
      } else if (route.kind === "patient") {
        const target = url.replace("[token]", "fcm-token-of-nobody-000000001");
        expect((await call(anonymous, method, target, sendable(method, {}))).status(), "no session").toBe(401);
        expect(
          (
            await call(anonymous, method, target, sendable(method, {}), { authorization: "Bearer cnp_guessedguessedguessedguessed" })
          ).status(),
          "an unknown session",
        ).toBe(401);
        const bearer = { authorization: `Bearer ${await patientToken()}` };
        if (method === "DELETE" && template.includes("[token]")) {
          expect((await call(anonymous, method, target, undefined, bearer)).status(), "another account's device").toBe(404);
          row["404"] = "✓";
        }
        if (template.includes("[id]")) {
          // Another clinic's appointment: as if it did not exist, and untouched.
          expect(
            (await call(anonymous, method, url.replace("[id]", foreign.appointment), "{}", bearer)).status(),
            "another account's appointment",
          ).toBe(404);
          row["404"] = "✓";
        }
        if (route.takesJson) {
          expect(
            (await call(anonymous, method, target, "{}", { ...bearer, "content-type": "text/plain" })).status(),
            "a body that is not JSON",
          ).toBe(415);
          expect((await call(anonymous, method, target, "{not json", bearer)).status(), "malformed JSON").toBe(400);
          expect((await call(anonymous, method, target, OVERSIZED, bearer)).status(), "oversized body").toBe(413);
          row["413"] = "✓";
        }
        for (const bad of [route.nul, route.invalid]) {
          if (!bad) continue;
          const response = await call(
            anonymous,
            method,
            bad.path(foreign),
            bad.body === undefined ? undefined : JSON.stringify(bad.body),
            bearer,
          );
          expect(response.status(), `bad input: ${bad.path(foreign)}`).toBe(400);
          expect((await response.json()).error.fields).toBeTruthy();
          row["400"] = "✓";
        }
        row["401"] = "✓";
        row["403"] = "bearer";
      } else if (route.kind === "patient_sign_in") {
        const wrong = await call(
          anonymous,
          method,
          url,
          { clinic: "saint-martin", email: "nobody@example.com", password: "guess" },
          { "x-forwarded-for": "192.0.2.200" },
        );
        expect(wrong.status(), "wrong credentials").toBe(401);
        expect((await call(anonymous, method, url, { clinic: "saint-martin", email: `a${NUL}@example.com`, password: "x" })).status()).toBe(
          400,
        );
        const invalid = await call(anonymous, method, url, { clinic: "Saint Martin!", email: "not an email" });
        expect(invalid.status()).toBe(400);
        expect(Object.keys((await invalid.json()).error.fields).sort()).toEqual(["clinic", "email", "password"]);
        expect((await call(anonymous, method, url, "{}", { "content-type": "text/plain" })).status()).toBe(415);
        expect((await call(anonymous, method, url, OVERSIZED)).status()).toBe(413);
        row["401"] = row["400"] = row["413"] = "✓";
      } else if (route.kind === "api_key" || route.kind === "qstash") {
        expect((await call(anonymous, method, url, { type: "x" })).status()).toBe(401);
        expect((await call(anonymous, method, url, OVERSIZED)).status()).toBe(413);
        row["401"] = row["413"] = "✓";
        if (route.kind === "api_key") {
          const key = { authorization: "Bearer cnk_demo_saint_martin" };
          expect((await call(anonymous, method, url, "{not json", key)).status()).toBe(400);
          expect((await call(anonymous, method, url, { type: "clinical.report_ready", data: { patientId: `${NUL}` } }, key)).status()).toBe(
            400,
          );
          row["400"] = "✓";
        }
      } else if (route.kind === "webhook") {
        expect((await call(anonymous, method, url, { entry: [] })).status(), "unsigned").toBe(401);
        expect((await call(anonymous, method, url.replace(foreign.clinic, "not-a-clinic"), { entry: [] })).status()).toBe(401);
        expect((await call(anonymous, method, url, OVERSIZED)).status(), "oversized").toBe(413);
        row["401"] = row["413"] = "✓";
      } else if (route.kind === "handshake") {
        expect((await call(anonymous, method, `${url}?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1`)).status()).toBe(403);
        row["403"] = "✓";
      } else {
        expect([200, 302, 400, 405, 415]).toContain((await call(anonymous, method, url.replace("[...nextauth]", "session"))).status());
        row["401"] = `public: ${route.why}`;
      }
      table.push(`| ${name} | ${["401", "403", "404", "400", "413"].map((code) => row[code]).join(" | ")} |`);
    });
  }
});
