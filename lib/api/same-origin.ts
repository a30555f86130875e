import { appUrl } from "@/lib/config/env";
import { AppError } from "@/lib/errors/app-errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// CSRF: a change may come only from our own pages. Browsers mark every cross-site request
// (Sec-Fetch-Site, Origin); a request without either is not a browser's and carries no
// session cookie an attacker could ride on.
export function refuseCrossSite(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const ours = new Set([new URL(request.url).origin, new URL(appUrl()).origin]);
  if (site === "cross-site" || (origin !== null && !ours.has(origin))) {
    throw new AppError(403, "cross_site", "Cross-site requests are refused.");
  }
}

// A JSON API takes JSON only: a form a foreign page could post (text/plain, urlencoded) is refused.
export function requireJson(request: Request): void {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new AppError(415, "unsupported_media_type", "Send the body as application/json.", {
      _: ["content-type must be application/json"],
    });
}
