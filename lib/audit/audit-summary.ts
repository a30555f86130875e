// An audit entry's detail in one line, as support reads it: "field: before → after" for what
// changed, "field: value" for what a new record was created with (its before is empty), and
// nested details (a merge's records, a reason) flattened as "part.field: value".
const MAX_CHARS = 400;

type Change = { before: unknown; after: unknown };
const isChange = (v: unknown): v is Change => Boolean(v) && typeof v === "object" && "before" in (v as object) && "after" in (v as object);
const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === "object" && !Array.isArray(v);
const empty = (v: unknown) => v === null || v === undefined || v === "";

function text(v: unknown): string {
  if (empty(v)) return "—";
  if (Array.isArray(v)) return v.map(text).join(", ") || "—";
  if (isRecord(v)) return parts(v).join(", ");
  return String(v);
}

// The record's fields at creation ("after" alone) read as the fields themselves.
const FIELD_LISTS = new Set(["after", "fields", "changes"]);

function parts(detail: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(detail).flatMap(([key, value]) => {
    const name = FIELD_LISTS.has(key) ? prefix.replace(/\.$/, "") : `${prefix}${key}`;
    if (isChange(value)) return [`${name}: ${empty(value.before) ? text(value.after) : `${text(value.before)} → ${text(value.after)}`}`];
    if (isRecord(value)) return parts(value, name ? `${name}.` : "");
    return [`${name || key}: ${text(value)}`];
  });
}

export function auditSummary(detail: unknown): string {
  if (!isRecord(detail)) return "";
  // A change of one value: { before, after, ...context }.
  if (isChange(detail) && !isRecord(detail.after)) {
    const { before, after, ...context } = detail;
    return [...parts(context), `${text(before)} → ${text(after)}`].join(" · ").slice(0, MAX_CHARS);
  }
  return parts(detail).join(" · ").slice(0, MAX_CHARS);
}
