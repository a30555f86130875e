// POST /api/jobs/reminders — QStash's schedule calls the reminder tick every minute; verified
// over the raw body before anything else.
import { NextResponse, type NextRequest } from "next/server";
import { readBodyText } from "@/lib/api/read-body";
import { errorResponse } from "@/lib/api/respond";
import { receiveReminderTick } from "@/lib/jobs/schedule";
import { notificationRuntime } from "@/lib/notifications/runtime";

export async function POST(request: NextRequest) {
  try {
    return NextResponse.json(
      await receiveReminderTick(notificationRuntime(), request.headers.get("upstash-signature"), await readBodyText(request), new Date()),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
