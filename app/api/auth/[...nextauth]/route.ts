// GET|POST /api/auth/* — next-auth (credentials sign-in, session, sign-out).
import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { MAX_BODY_BYTES, refuseDeclaredOversize } from "@/lib/api/read-body";
import { errorResponse } from "@/lib/api/respond";
import { authOptions } from "@/lib/auth/options";
import { refuseThrottledSignIn } from "@/lib/auth/sign-in-gate";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

export const GET = handler;

// next-auth's own forms post URL-encoded; anything else would reach its JSON parser and fail
// there with a 500. Refused here with a 4xx instead, and too large before it is read.
export async function POST(request: NextRequest, context: Context) {
  try {
    refuseDeclaredOversize(request, MAX_BODY_BYTES);
    if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
      return NextResponse.json(
        { error: { code: "unsupported_media_type", message: "Send the form as application/x-www-form-urlencoded." } },
        { status: 415 },
      );
    }
    return (await refuseThrottledSignIn(request, new Date())) ?? (await handler(request, context));
  } catch (error) {
    return errorResponse(error);
  }
}
