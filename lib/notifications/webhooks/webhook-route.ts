import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { errorResponse } from "@/lib/api/respond";
import { unauthorized, type WebhookResult } from "./webhook-result";

const clinicIdSchema = z.uuid();

// Provider webhooks are addressed per clinic (/api/webhooks/<provider>/<clinicId>), so each is
// verified with that clinic's own secret. The body is read raw: signatures cover its bytes.
export function webhookRoute(handle: (input: { db: Database; clinicId: string; raw: string; request: NextRequest }) => Promise<WebhookResult>) {
  return async (request: NextRequest, context: { params: Promise<{ clinicId: string }> }) => {
    try {
      const raw = await request.text();
      const clinicId = clinicIdSchema.safeParse((await context.params).clinicId);
      // An unknown clinic is answered like a bad signature: nothing to learn from probing.
      const result = clinicId.success ? await handle({ db: getDb(), clinicId: clinicId.data, raw, request }) : unauthorized("Invalid signature.");
      if (result.contentType && typeof result.body === "string") {
        return new NextResponse(result.body, { status: result.status, headers: { "content-type": result.contentType } });
      }
      return NextResponse.json(result.body, { status: result.status });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
