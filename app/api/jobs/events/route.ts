// POST /api/jobs/events — QStash delivers one queued event; verified over the raw body first.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { errorResponse, parseInput } from "@/lib/api/respond";
import { appUrl } from "@/lib/config/env";
import { processEvent } from "@/lib/notifications/events/process-event";
import { EVENT_JOB_PATH } from "@/lib/notifications/queue/event-queue";
import { verifyQstashRequest } from "@/lib/notifications/queue/verify-qstash";
import { notificationRuntime } from "@/lib/notifications/runtime";

const jobSchema = z.object({ eventId: z.uuid() });

export async function POST(request: NextRequest) {
  try {
    const raw = await request.text();
    await verifyQstashRequest(request.headers.get("upstash-signature"), raw, `${appUrl()}${EVENT_JOB_PATH}`);
    const { eventId } = parseInput(jobSchema, safeJson(raw), "job");
    const outcome = await processEvent(notificationRuntime().deps, eventId);
    // Another worker holds the event: a non-2xx makes QStash try again later.
    if (outcome === "in_progress") return NextResponse.json({ outcome }, { status: 409 });
    if (outcome === "will_retry") return NextResponse.json({ outcome }, { status: 503 });
    return NextResponse.json({ outcome });
  } catch (error) {
    return errorResponse(error);
  }
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
