import { importsOf, unitOf, type SourceImport } from "./import-graph";

// The one-way layers of the code, lowest first (README, "Layers"). A file may import its own
// folder or a folder of a lower layer, never a higher one, and folders of one layer do not
// import each other: so no two folders can import each other, directly or around a loop.
// Tests sit above everything and may import anything.
export const LAYERS: string[][] = [
  ["lib/config"],
  ["lib/errors", "lib/paging", "lib/time", "lib/cache", "lib/i18n", "lib/security"],
  ["db", "lib/storage"],
  // Pure vocabulary of the clinic's data (an appointment's lifecycle), and clinic scoping.
  ["lib/scheduling", "lib/clinics", "lib/realtime"],
  ["lib/auth"],
  ["lib/api-keys", "lib/audit"],
  // The pipeline and its vocabulary (event catalogue, skip reasons, delivery decisions).
  ["lib/notifications"],
  // Reminders: their rules, the plan, the rows tied to an appointment, the tick, the backup.
  ["lib/reminders"],
  // The clinic's domain actions, which raise events into the pipeline.
  ["lib/attachments", "lib/appointments"],
  ["lib/patients", "lib/staff"],
  // lib/support: support's read models over the log and the audit trail ("why didn't they get it?").
  ["lib/conversations", "lib/onboarding", "lib/health", "lib/jobs", "lib/support"],
  // Edges: HTTP helpers, then provider webhooks, which hand what they verified to the core.
  ["lib/api"],
  ["lib/webhooks"],
  // The local provider sinks the embedded default runs (started by instrumentation alone).
  ["lib/local-sinks"],
  // Dev and test tooling: built on the product, never imported by it.
  ["lib/testing", "db/seed"],
  ["app", "components", "instrumentation.ts", "proxy.ts", "scripts", "e2e"],
];

// Inside lib/notifications, the same rule between its sub-folders (and its few top files), for
// value imports: the vocabulary at the bottom, the stages above it, the composition on top.
// A type may be named across them (a stage's input is another's output).
export const NOTIFICATION_LAYERS: string[][] = [
  ["skip-reasons.ts", "consent", "inbound"],
  ["delivery-decision.ts", "event-trace.ts", "decisions"],
  ["event-catalog.ts"],
  ["templates", "providers"],
  // staff-alerts: the room of staff alerts (routing, the plan, the bell's list, preferences,
  // browser push subscriptions).
  ["delivery", "log", "staff-alerts"],
  ["receipts", "events"],
  ["queue"],
  ["setup", "runtime.ts"],
];

const rank = new Map(LAYERS.flatMap((units, i) => units.map((unit) => [unit, i] as const)));
const notificationRank = new Map(NOTIFICATION_LAYERS.flatMap((parts, i) => parts.map((part) => [part, i] as const)));

// "lib/notifications/events/process-event.ts" → "events"; a top file is its own part.
const notificationPart = (file: string) => (file.startsWith("lib/notifications/") ? file.split("/")[2] : null);

export function notificationLayerViolation(from: string, to: string): string | null {
  const [a, b] = [notificationPart(from), notificationPart(to)];
  if (!a || !b || a === b) return null;
  const [ra, rb] = [notificationRank.get(a), notificationRank.get(b)];
  if (ra === undefined) return `lib/notifications/${a} is in no layer of lib/notifications`;
  if (rb === undefined) return `lib/notifications/${b} is in no layer of lib/notifications`;
  if (rb > ra) return `lib/notifications/${a} (layer ${ra}) imports lib/notifications/${b} (layer ${rb}) by value, above it`;
  if (rb === ra) return `lib/notifications/${a} and lib/notifications/${b} share layer ${ra} and must not import each other by value`;
  return null;
}
const TOP = LAYERS.length - 1;

export const isTest = (file: string) => /\.test\.tsx?$/.test(file);

export type BackImport = SourceImport & { why: string };

// Why an import breaks the layers, or null when it keeps them.
export function layerViolation(from: string, to: string): string | null {
  const [a, b] = [rank.get(from), rank.get(to)];
  if (from === to) return null;
  if (a === undefined) return `${from} is in no layer`;
  if (b === undefined) return `${to} is in no layer`;
  if (b > a) return `${from} (layer ${a}) imports ${to} (layer ${b}), above it`;
  if (b === a && a < TOP) return `${from} and ${to} share layer ${a} and must not import each other`;
  return null;
}

export function backImports(files: { file: string; text?: string }[]): BackImport[] {
  const found: BackImport[] = [];
  for (const { file, text } of files.filter((f) => !isTest(f.file))) {
    for (const i of importsOf(file, text)) {
      const why = layerViolation(unitOf(file), unitOf(i.target)) ?? (i.typeOnly ? null : notificationLayerViolation(file, i.target));
      if (why) found.push({ ...i, why });
    }
  }
  return found;
}

export const hasLayer = (unit: string) => rank.has(unit);
