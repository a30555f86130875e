// POST /api/events — the clinic's other systems publish patient and staff events (API key).
import { NextResponse, type NextRequest } from "next/server";
import { MAX_BODY_BYTES, refuseDeclaredOversize } from "@/lib/api/read-body";
import { readJsonBody } from "@/lib/api/read-json";
import { errorResponse } from "@/lib/api/respond";
import { acceptApiEvent } from "@/lib/notifications/events/accept-api-event";
import { notificationRuntime } from "@/lib/notifications/runtime";

export async function POST(request: NextRequest) {
  try {
    // Too large is refused before the key is even looked at.
    refuseDeclaredOversize(request, MAX_BODY_BYTES);
    const result = await acceptApiEvent(
      notificationRuntime(),
      request.headers.get("authorization"),
      () => readJsonBody(request),
      new Date(),
    );
    return NextResponse.json(result, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
