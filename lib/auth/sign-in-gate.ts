import "server-only";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { appUrl } from "@/lib/config/env";
import { clientIpOf } from "./client-ip";
import { secondsBlocked, throttleKeys } from "./sign-in-throttle";

// Before next-auth checks a password: an attempt still throttled is answered 429 with
// Retry-After. The body carries next-auth's error URL, so the sign-in form shows why.
export async function refuseThrottledSignIn(request: Request, now: Date): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  const form = new URLSearchParams(await request.clone().text());
  const email = (form.get("email") ?? "").trim().toLowerCase();
  const wait = await secondsBlocked(getDb(), throttleKeys(email, clientIpOf(request.headers)), now);
  if (!wait) return null;
  return NextResponse.json(
    {
      url: `${appUrl()}/sign-in?error=too_many_attempts`,
      error: { code: "too_many_attempts", message: `Too many attempts. Try again in ${wait} s.` },
    },
    { status: 429, headers: { "retry-after": String(wait) } },
  );
}
