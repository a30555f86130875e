// Runs before every page and API request (Next.js proxy): a fresh CSP nonce for each page,
// and the security headers on every response.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, securityHeadersFromEnv } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const development = process.env.NODE_ENV === "development";
  const https = (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const headers = securityHeadersFromEnv();
  if (request.nextUrl.pathname.startsWith("/api/")) {
    const response = NextResponse.next();
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, { development, https });
  // Next reads the policy from the request to put the nonce on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// The upload routes are left out: the proxy would buffer (and past 10 MB silently cut) their
// bodies. They go through staffRoute, which sets the same security headers itself.
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|api/attachments|api/imports).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
