import "server-only";
import { stringify } from "csv-stringify/sync";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffContext } from "@/lib/auth/staff-context";
import { listDeliveries } from "./list-deliveries";
import type { DeliveryLogQuery } from "./schemas";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

// Rows fetched per query: memory stays this size however long the export.
export const EXPORT_PAGE = 1000;

const HEADER = [
  "created_at",
  "recipient",
  "audience",
  "event",
  "channel",
  "address",
  "status",
  "skip_reason",
  "provider_message_id",
  "provider_error_code",
  "attempts",
  "sent_at",
  "delivered_at",
  "read_at",
  "failed_at",
  "delivery_id",
];
const iso = (d: Date | null) => (d ? d.toISOString() : "");
// A name typed as "=HYPERLINK(…)" must not become a formula in the spreadsheet that opens the file.
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

// A search of the log as CSV, a page at a time, each page fetched only when the reader has
// taken the one before (a pull stream): 100,000 rows cost the memory of 1,000. Audited when
// it starts, with the filters.
export async function exportDeliveries(
  ctx: Ctx,
  query: DeliveryLogQuery,
  now: Date,
  onPage?: (rows: number) => void,
): Promise<ReadableStream<Uint8Array>> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  await recordAudit(ctx.db, ctx, { action: "deliveries.exported", detail: { filters } }, now);
  const encoder = new TextEncoder();
  let cursor = query.cursor;
  let header = true;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (done) return controller.close();
        const page = await listDeliveries(ctx, { ...query, cursor, limit: EXPORT_PAGE });
        onPage?.(page.deliveries.length);
        const records = page.deliveries.map((d) => [
          d.createdAt.toISOString(),
          asText(d.recipientName),
          d.audience,
          d.eventType,
          d.channel,
          d.address,
          d.status,
          d.skipReason ?? "",
          d.providerMessageId ?? "",
          d.providerErrorCode ?? "",
          d.attempts,
          iso(d.sentAt),
          iso(d.deliveredAt),
          iso(d.readAt),
          iso(d.failedAt),
          d.id,
        ]);
        controller.enqueue(encoder.encode(stringify(header ? [HEADER, ...records] : records)));
        header = false;
        const last = page.deliveries.at(-1);
        if (!page.nextCursor || !last) done = true;
        else cursor = [last.createdAt.toISOString(), last.id];
      },
    },
    { highWaterMark: 1 },
  );
}
