import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { requireStaffForApi, type StaffContext } from "@/lib/auth/staff-context";
import type { Queueing } from "@/lib/notifications/queue/event-queue";
import { notificationRuntime } from "@/lib/notifications/runtime";
import type { Permission } from "@/lib/auth/permissions";
import { MAX_BODY_BYTES, refuseDeclaredOversize } from "./read-body";
import { readJsonBody } from "./read-json";
import { refuseCrossSite, requireJson } from "./same-origin";
import { parseInput } from "@/lib/errors/parse-input";
import { errorResponse, withSecurityHeaders } from "./respond";

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

type RouteSpec<P, Q, B> = { permission?: Permission; params?: P; query?: Q; body?: B };
type RouteInput<P, Q, B> = { ctx: StaffContext & Queueing; params: Out<P>; query: Out<Q>; body: Out<B>; request: NextRequest };

// Every staff API route goes through here: session (401), permission (403), then zod
// on params, query string and body (400 with field errors), then the handler; typed
// errors become responses in one place (lib/api/respond.ts).
export function staffRoute<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (input: RouteInput<P, Q, B>) => Promise<unknown>,
) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    try {
      // A body too large to take is refused before anything else is looked at, then any
      // change that does not come from our own pages, then a body that is not JSON.
      if (spec.body) refuseDeclaredOversize(request, MAX_BODY_BYTES);
      refuseCrossSite(request);
      // The edge hands the action its queue: nothing below reaches for a process-wide one.
      const ctx = { ...(await requireStaffForApi(spec.permission)), queue: notificationRuntime().queue };
      if (spec.body) requireJson(request);
      const params = spec.params ? parseInput(spec.params, await context.params, "path") : undefined;
      const query = spec.query ? parseInput(spec.query, Object.fromEntries(request.nextUrl.searchParams), "query string") : undefined;
      const body = spec.body ? parseInput(spec.body, await readJsonBody(request), "request body") : undefined;
      const result = await handler({ ctx, params, query, body, request } as RouteInput<P, Q, B>);
      return withSecurityHeaders(result instanceof Response ? result : NextResponse.json(result));
    } catch (error) {
      return withSecurityHeaders(errorResponse(error));
    }
  };
}
