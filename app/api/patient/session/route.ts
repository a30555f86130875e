// POST /api/patient/session — the patient apps sign in (clinic code, email, password) and get
// a bearer token; throttled as staff sign-in is. DELETE — signs that session out.
import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { patientRoute } from "@/lib/api/patient-route";
import { MAX_BODY_BYTES, refuseDeclaredOversize } from "@/lib/api/read-body";
import { readJsonBody } from "@/lib/api/read-json";
import { errorResponse, withSecurityHeaders } from "@/lib/api/respond";
import { requireJson } from "@/lib/api/same-origin";
import { clientIpOf } from "@/lib/auth/client-ip";
import { patientSignInSchema, revokePatientSession, signInPatient } from "@/lib/auth/patient-session";
import { parseInput } from "@/lib/errors/parse-input";

export async function POST(request: NextRequest) {
  try {
    refuseDeclaredOversize(request, MAX_BODY_BYTES);
    requireJson(request);
    const input = parseInput(patientSignInSchema, await readJsonBody(request), "sign-in");
    return withSecurityHeaders(
      NextResponse.json(await signInPatient(getDb(), input, new Date(), { ip: clientIpOf(request.headers) }), { status: 201 }),
    );
  } catch (error) {
    return withSecurityHeaders(errorResponse(error));
  }
}

export const DELETE = patientRoute({}, async ({ ctx }) => {
  await revokePatientSession(ctx, new Date());
  return { signedOut: true };
});
