// The address a request came from, as the proxy in front of the app reports it (the first
// X-Forwarded-For hop; Next's own server sets it for direct connections).
export function clientIpOf(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : [headers[name]].flat()[0]) ?? undefined;
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
