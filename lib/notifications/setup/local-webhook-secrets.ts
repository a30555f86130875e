// The webhook secrets of channels pointed at the local sinks, known to the sinks and to the
// tests that sign webhooks as a provider would.
export const LOCAL_WEBHOOK_SECRETS = { whatsapp: "local-whatsapp-webhook-secret", smsAuthToken: "local-sms-auth-token" } as const;

// The SNS topic a local clinic's SES notifications come from (one per clinic, as in production).
export const localSnsTopicArn = (clinicSlug: string) => `arn:aws:sns:eu-west-1:000000000000:ses-events-${clinicSlug.replace(/[^A-Za-z0-9_-]/g, "-")}`;
