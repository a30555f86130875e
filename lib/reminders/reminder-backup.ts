import type { Channel, DeliveryStatus, ReminderBackup } from "@/db/schema";

// Whether a reminder's backup goes out, decided when its delay is over from what the first
// channel's deliveries became. Pure: the deliveries are data.

export type BackupVerdict = { send: false; status: "not_needed" | "skipped"; reason: string } | { send: true; channels: Channel[] };

const REACHED: Record<ReminderBackup["until"], ReadonlySet<DeliveryStatus>> = {
  delivered: new Set(["delivered", "read"]),
  read: new Set(["read"]),
};

// attempts: the first event's deliveries that were not skipped (one per device for push).
export function backupVerdict(input: {
  channels: readonly Channel[];
  backup: ReminderBackup;
  attempts: readonly { channel: Channel; status: DeliveryStatus }[];
}): BackupVerdict {
  const { channels, backup, attempts } = input;
  if (attempts.some((a) => REACHED[backup.until].has(a.status)))
    return { send: false, status: "not_needed", reason: backup.until === "read" ? "first_channel_read" : "first_channel_delivered" };
  if (!attempts.length) return { send: false, status: "skipped", reason: "nothing_to_back_up" };
  const last = Math.max(...attempts.map((a) => channels.indexOf(a.channel)));
  const rest = channels.slice(last + 1);
  return rest.length ? { send: true, channels: rest } : { send: false, status: "skipped", reason: "no_backup_channel" };
}
