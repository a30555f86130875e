// What a webhook handler answers; the route turns it into a Response.
export type WebhookResult = { status: number; body: unknown; contentType?: string };

export const unauthorized = (message: string): WebhookResult => ({ status: 401, body: { error: { code: "unauthenticated", message } } });
export const forbidden = (message: string): WebhookResult => ({ status: 403, body: { error: { code: "forbidden", message } } });
export const badRequest = (message: string, fields?: Record<string, string[]>): WebhookResult => ({
  status: 400,
  body: { error: { code: "invalid_input", message, ...(fields ? { fields } : {}) } },
});
