import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { patientForToken, type PatientContext } from "@/lib/auth/patient-session";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { notificationRuntime } from "@/lib/notifications/runtime";
import { takeFromRateLimit } from "@/lib/auth/rate-limit";
import { parseInput } from "@/lib/errors/parse-input";
import { MAX_BODY_BYTES, refuseDeclaredOversize } from "./read-body";
import { readJsonBody } from "./read-json";
import { errorResponse, withSecurityHeaders } from "./respond";
import { requireJson } from "./same-origin";

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

// Requests per minute one session may make to a route (an app on reopen makes one or two).
const DEFAULT_PER_MINUTE = 30;

type RouteSpec<P, B> = { params?: P; body?: B; perMinute?: number; status?: number };
type RouteInput<P, B> = { ctx: PatientContext & Queueing; params: Out<P>; body: Out<B>; request: NextRequest };

// Every route of the patient apps goes through here: a body too large (413), the session's
// bearer token (401), the session's rate (429), a body that is not JSON (415), then zod on
// the path and body (400 naming the fields), then the handler. A bearer token is not sent by
// a browser on its own, so no cross-site check is needed.
export function patientRoute<P extends Schema | undefined, B extends Schema | undefined>(
  spec: RouteSpec<P, B>,
  handler: (input: RouteInput<P, B>) => Promise<unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      if (spec.body) refuseDeclaredOversize(request, MAX_BODY_BYTES);
      const now = new Date();
      const ctx = { ...(await patientForToken(getDb(), request.headers.get("authorization"), now)), queue: notificationRuntime().queue };
      await takeFromRateLimit(
        ctx.db,
        `patient-session:${ctx.sessionId}:${request.nextUrl.pathname.split("/").slice(0, 3).join("/")}`,
        spec.perMinute ?? DEFAULT_PER_MINUTE,
        60_000,
        now,
      );
      if (spec.body) requireJson(request);
      const params = spec.params ? parseInput(spec.params, await context.params, "path") : undefined;
      const body = spec.body ? parseInput(spec.body, await readJsonBody(request), "request body") : undefined;
      const result = await handler({ ctx, params, body, request } as RouteInput<P, B>);
      return withSecurityHeaders(result instanceof Response ? result : NextResponse.json(result, { status: spec.status ?? 200 }));
    } catch (error) {
      return withSecurityHeaders(errorResponse(error));
    }
  };
}
