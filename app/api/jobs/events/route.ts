// POST /api/jobs/events — QStash delivers one queued event; verified over the raw body first.
import { NextResponse, type NextRequest } from "next/server";
import { readBodyText } from "@/lib/api/read-body";
import { errorResponse } from "@/lib/api/respond";
import { receiveEventJob } from "@/lib/notifications/queue/receive-event-job";
import { notificationRuntime } from "@/lib/notifications/runtime";

// Another worker holds the event, or it failed and will be retried: a non-2xx makes QStash
// deliver it again later.
const STATUS = { in_progress: 409, will_retry: 503 } as const;

export async function POST(request: NextRequest) {
  try {
    const outcome = await receiveEventJob(
      notificationRuntime().deps,
      request.headers.get("upstash-signature"),
      await readBodyText(request),
    );
    return NextResponse.json({ outcome }, { status: STATUS[outcome as keyof typeof STATUS] ?? 200 });
  } catch (error) {
    return errorResponse(error);
  }
}
