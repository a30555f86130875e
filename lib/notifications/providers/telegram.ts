import { z } from "zod";
import { networkFailure, permanent, REQUEST_TIMEOUT_MS, transient, type ChannelProvider, type SendOutcome } from "./types";

// Telegram Bot API: POST /bot{token}/sendMessage.
export const telegramConfigSchema = z.object({
  botToken: z.string().min(1),
  baseUrl: z.url().default("https://api.telegram.org"),
});
export type TelegramConfig = z.infer<typeof telegramConfigSchema>;

export function createTelegramProvider(config: TelegramConfig): ChannelProvider {
  const url = `${config.baseUrl.replace(/\/$/, "")}/bot${config.botToken}/sendMessage`;
  return {
    channel: "telegram",
    async send(message): Promise<SendOutcome> {
      let response: Response;
      try {
        response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ chat_id: message.to, text: message.text, disable_web_page_preview: true }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
      } catch (error) {
        return networkFailure(error);
      }
      const json = (await response.json().catch(() => ({}))) as {
        ok?: boolean;
        result?: { message_id: number; chat: { id: number | string } };
        error_code?: number;
        description?: string;
        parameters?: { retry_after?: number };
      };
      if (json.ok && json.result) return { ok: true, providerMessageId: `${json.result.chat.id}:${json.result.message_id}` };
      const code = String(json.error_code ?? response.status);
      const text = json.description ?? `HTTP ${response.status}`;
      if (response.status === 429 || response.status >= 500) {
        const retry = json.parameters?.retry_after;
        return transient(code, text, retry !== undefined ? retry * 1000 : undefined);
      }
      // 403: the patient blocked the bot; the chat will not work again until they restart it.
      return permanent(code, text, response.status === 403);
    },
  };
}
