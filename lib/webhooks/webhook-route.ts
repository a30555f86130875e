import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { readBodyText } from "@/lib/api/read-body";
import { errorResponse } from "@/lib/api/respond";
import { appUrl } from "@/lib/config/env";
import { forbidden, unauthorized, type WebhookResult } from "./webhook-result";

// What a provider sent, as the edge received it. publicUrl is the address the provider
// called (our public URL, not a proxy's view): Twilio signs it.
export type WebhookRequest = { db: Database; clinicId: string; raw: string; headers: Headers; publicUrl: string; now: Date };

export type Verified<T> = { ok: true; value: T } | { ok: false; result: WebhookResult };

// One provider's webhook. verify proves, over the raw bytes, that the provider sent this for
// this clinic; handle acts only on what verify vouched for. Nothing reaches handle unverified.
export type ProviderWebhook<T> = {
  verify: (request: WebhookRequest) => Promise<Verified<T>>;
  handle: (request: WebhookRequest, verified: T) => Promise<WebhookResult>;
};

export async function receiveWebhook<T>(webhook: ProviderWebhook<T>, request: WebhookRequest): Promise<WebhookResult> {
  const verified = await webhook.verify(request);
  return verified.ok ? webhook.handle(request, verified.value) : verified.result;
}

const clinicIdSchema = z.uuid();

function toResponse(result: WebhookResult): Response {
  if (result.contentType && typeof result.body === "string") {
    return new NextResponse(result.body, { status: result.status, headers: { "content-type": result.contentType } });
  }
  return NextResponse.json(result.body, { status: result.status });
}

// Provider webhooks are addressed per clinic (/api/webhooks/<provider>/<clinicId>), so each is
// verified with that clinic's own secret. The body is read raw: signatures cover its bytes.
export function webhookRoute<T>(webhook: ProviderWebhook<T>) {
  return async (request: NextRequest, context: { params: Promise<{ clinicId: string }> }) => {
    try {
      const raw = await readBodyText(request);
      const clinicId = clinicIdSchema.safeParse((await context.params).clinicId);
      // An unknown clinic is answered like a bad signature: nothing to learn from probing.
      if (!clinicId.success) return toResponse(unauthorized("Invalid signature."));
      const publicUrl = `${appUrl()}${request.nextUrl.pathname}`;
      return toResponse(
        await receiveWebhook(webhook, { db: getDb(), clinicId: clinicId.data, raw, headers: request.headers, publicUrl, now: new Date() }),
      );
    } catch (error) {
      return errorResponse(error);
    }
  };
}

// A provider's subscription handshake (a GET with query parameters), per clinic as well.
export function handshakeRoute(handshake: (db: Database, clinicId: string, query: URLSearchParams) => Promise<WebhookResult>) {
  return async (request: NextRequest, context: { params: Promise<{ clinicId: string }> }) => {
    try {
      const clinicId = clinicIdSchema.safeParse((await context.params).clinicId);
      if (!clinicId.success) return toResponse(forbidden("Verification failed."));
      return toResponse(await handshake(getDb(), clinicId.data, request.nextUrl.searchParams));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
