// The webhook secrets of channels pointed at the local sinks, known to the sinks and to the
// tests that sign webhooks as a provider would.
export const LOCAL_WEBHOOK_SECRETS = { whatsapp: "local-whatsapp-webhook-secret", smsAuthToken: "local-sms-auth-token" } as const;
