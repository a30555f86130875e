// The browser-facing security policy, in one place. Pure: the proxy passes the nonce and mode.

// Pages: scripts only from us and with this response's nonce (Next adds it to its own
// scripts), nothing may frame us, forms post only to us. Inline style attributes stay allowed
// (Radix positions popovers with them); styles cannot run code.
export function contentSecurityPolicy(nonce: string, options: { development: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

// Every response, API included.
export function securityHeaders(options: { production: boolean; https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.production && options.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

// The same headers, decided from the environment as the proxy decides them: for responses the
// proxy does not see (the upload routes, kept out of it so their bodies stream untouched).
export function securityHeadersFromEnv(): Record<string, string> {
  const https = (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  return securityHeaders({ production: process.env.NODE_ENV === "production", https });
}
