import { z } from "zod";
import { networkFailure, permanent, REQUEST_TIMEOUT_MS, retryAfterMs, transient, type ChannelProvider, type SendOutcome } from "./types";

// SMS through a Twilio-compatible REST API: POST /2010-04-01/Accounts/{sid}/Messages.json.
export const smsConfigSchema = z.object({
  accountSid: z.string().min(1),
  authToken: z.string().min(1),
  from: z.string().min(3),
  baseUrl: z.url().default("https://api.twilio.com"),
  // Where the provider posts status callbacks (our /api/webhooks/sms), signed with authToken.
  statusCallbackUrl: z.url().optional(),
});
export type SmsConfig = z.infer<typeof smsConfigSchema>;

// 21610: the recipient replied STOP at the carrier level. 21211/21614: not a valid mobile.
export const SMS_UNSUBSCRIBED_CODE = "21610";
const DEAD_NUMBER_CODES = new Set(["21211", "21614"]);

export function createSmsProvider(config: SmsConfig): ChannelProvider {
  const url = `${config.baseUrl.replace(/\/$/, "")}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`;
  return {
    channel: "sms",
    async send(message): Promise<SendOutcome> {
      const form = new URLSearchParams({ To: message.to, From: config.from, Body: message.text });
      if (config.statusCallbackUrl) form.set("StatusCallback", config.statusCallbackUrl);
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { authorization, "content-type": "application/x-www-form-urlencoded" },
          body: form,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        return networkFailure(error);
      }
      const json = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
      if (response.ok && json.sid) return { ok: true, providerMessageId: json.sid };
      const code = String(json.code ?? response.status);
      const text = json.message ?? `HTTP ${response.status}`;
      if (response.status === 429 || response.status >= 500) {
        return transient(code, text, retryAfterMs(response.headers.get("retry-after")));
      }
      return permanent(code, text, DEAD_NUMBER_CODES.has(code));
    },
  };
}
