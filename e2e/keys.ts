// Secrets the end-to-end server is started with, so tests can sign what providers would sign.
export const E2E_QSTASH_KEYS = { current: "e2e_qstash_current_signing_key", next: "e2e_qstash_next_signing_key" } as const;
