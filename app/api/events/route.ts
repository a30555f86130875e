// POST /api/events — the clinic's other systems publish patient and staff events (API key).
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { clinicForApiKey } from "@/lib/api-keys/api-keys";
import { errorResponse, parseInput } from "@/lib/api/respond";
import { readJsonBody } from "@/lib/api/read-json";
import { eventSchema } from "@/lib/notifications/events/catalog";
import { ingestEvent } from "@/lib/notifications/events/ingest-event";
import { notificationRuntime } from "@/lib/notifications/runtime";

export async function POST(request: NextRequest) {
  try {
    const db = getDb();
    const clinicId = await clinicForApiKey(db, request.headers.get("authorization"), new Date());
    const event = parseInput(eventSchema, await readJsonBody(request), "event");
    const result = await ingestEvent(db, notificationRuntime().queue, clinicId, event, "api");
    return NextResponse.json(result, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
