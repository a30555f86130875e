import "server-only";
import type { StaffContext } from "@/lib/auth/staff-context";
import { localSinkUrl, localSinksEnabled } from "@/lib/config/env";
import { AppError, NotFoundError } from "@/lib/errors/app-errors";
import { clinicChannelConfig } from "@/lib/notifications/providers/registry";

// The credentials a clinic's channels use towards the local sinks: the sinks file each
// message under them, so one clinic never sees (or clears) another's.
async function sinkAccountsOf(ctx: Pick<StaffContext, "db" | "clinicId">): Promise<string[]> {
  const [whatsapp, sms, telegram, email, push, webPush] = await Promise.all([
    clinicChannelConfig(ctx.db, ctx.clinicId, "whatsapp"),
    clinicChannelConfig(ctx.db, ctx.clinicId, "sms"),
    clinicChannelConfig(ctx.db, ctx.clinicId, "telegram"),
    clinicChannelConfig(ctx.db, ctx.clinicId, "email"),
    clinicChannelConfig(ctx.db, ctx.clinicId, "push"),
    clinicChannelConfig(ctx.db, ctx.clinicId, "web_push"),
  ]);
  return [whatsapp?.apiKey, sms?.accountSid, telegram?.botToken, email?.accessKeyId, push?.projectId, webPush?.vapidPublicKey].filter(
    (a): a is string => Boolean(a),
  );
}

// The caller's clinic's messages on the local sinks (GET), or clearing them (DELETE). Only in
// local-sink mode: in production the page and its API do not exist.
export async function localSinkInbox(
  ctx: Pick<StaffContext, "db" | "clinicId">,
  method: "GET" | "DELETE",
): Promise<{ messages: unknown[] } | null> {
  if (!localSinksEnabled()) throw new NotFoundError("Local sinks");
  const accounts = await sinkAccountsOf(ctx);
  // A clinic with no channel on the sinks has nothing there.
  if (!accounts.length) return method === "GET" ? { messages: [] } : null;
  const query = new URLSearchParams(accounts.map((a) => ["account", a]));
  const response = await fetch(`${localSinkUrl()}/_sink/messages?${query}`, { method, signal: AbortSignal.timeout(3000) }).catch(
    () => null,
  );
  if (!response?.ok) throw new AppError(503, "sinks_unavailable", "The local sinks are not running.");
  return method === "GET" ? ((await response.json()) as { messages: unknown[] }) : null;
}
