import { describe, expect, it } from "vitest";
import { backupVerdict } from "./reminder-backup";

const step = { channels: ["whatsapp", "push", "email"] as const, backup: { afterMinutes: 15, until: "delivered" as const } };

describe("a reminder's backup", () => {
  it("is not needed once the first channel is delivered (or read, when the rule waits for reading)", () => {
    expect(
      backupVerdict({ ...step, channels: [...step.channels], attempts: [{ channel: "whatsapp", status: "delivered" }] }),
    ).toMatchObject({ send: false, status: "not_needed" });
    expect(
      backupVerdict({
        channels: ["whatsapp", "push"],
        backup: { afterMinutes: 15, until: "read" },
        attempts: [{ channel: "whatsapp", status: "delivered" }],
      }),
    ).toEqual({ send: true, channels: ["push"] });
  });

  it("goes to the channels after the one that was sent, still undelivered or failed", () => {
    expect(backupVerdict({ ...step, channels: [...step.channels], attempts: [{ channel: "whatsapp", status: "sent" }] })).toEqual({
      send: true,
      channels: ["push", "email"],
    });
    expect(backupVerdict({ ...step, channels: [...step.channels], attempts: [{ channel: "push", status: "failed" }] })).toEqual({
      send: true,
      channels: ["email"],
    });
  });

  it("has nothing to do when nothing was sent, or no channel is left", () => {
    expect(backupVerdict({ ...step, channels: [...step.channels], attempts: [] })).toMatchObject({
      status: "skipped",
      reason: "nothing_to_back_up",
    });
    expect(backupVerdict({ ...step, channels: [...step.channels], attempts: [{ channel: "email", status: "sent" }] })).toMatchObject({
      status: "skipped",
      reason: "no_backup_channel",
    });
  });
});
