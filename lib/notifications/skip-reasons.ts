// Why a message was not sent: stable codes stored on SKIPPED deliveries and in the event's
// decision trace. Their sentences live with the UI texts (messages "skipReasons.<code>").
export const SKIP_REASONS = [
  "not_an_event_channel",
  "channel_not_enabled",
  "motif_notifications_off",
  "agenda_channel_off",
  "patient_notifications_off",
  "patient_inactive",
  "no_phone",
  "no_email",
  "no_telegram_chat",
  "no_device",
  "sms_opted_out",
  "email_suppressed",
  "whatsapp_no_opt_in",
  "whatsapp_window_closed",
  "appointment_not_found",
  "patient_not_found",
  "appointment_status_changed",
  "appointment_already_started",
  "household_duplicate_sms",
  "no_template",
  "no_recipient",
  "no_subscription",
  "staff_preference_off",
] as const;

export type SkipReason = (typeof SKIP_REASONS)[number];
