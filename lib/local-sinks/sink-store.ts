import type { Channel } from "@/db/schema";

// What a local sink received, as the patient (or staff member) would see it.
export type SinkMessage = {
  id: string;
  // The credentials it was sent with, which name the clinic (see accountOf in sink-server.ts).
  account?: string;
  channel: Channel;
  at: string;
  to: string;
  subject?: string;
  text?: string;
  html?: string;
  template?: { name: string; language: string; parameters: string[] };
  attachments?: SinkAttachment[];
  protocol?: string;
  raw: unknown;
};

export type SinkAttachment = { fileName: string; contentType: string; sizeBytes: number };

// A canned answer for the next call on a channel: lets tests and demos make a provider fail.
// With `acceptThenHang`, the sink accepts and records the message, then holds the answer for
// delayMs: the shape of a provider that took the message while our process died.
export type SinkFault = { status: number; body: unknown; headers?: Record<string, string>; delayMs?: number; acceptThenHang?: boolean };

export class SinkStore {
  readonly messages: SinkMessage[] = [];
  private readonly faults = new Map<Channel, SinkFault[]>();
  calls = new Map<Channel, number>();
  private counter = 0;

  nextId(prefix: string): string {
    this.counter += 1;
    return `${prefix}${Date.now().toString(36)}${this.counter.toString(36).padStart(6, "0")}`;
  }

  record(message: Omit<SinkMessage, "id" | "at">, id: string): SinkMessage {
    const stored = { ...message, id, at: new Date().toISOString() };
    this.messages.push(stored);
    // Bounded: a long dev session must not grow without limit. Trimmed a thousand at a time, so a
    // burst of 10,000 does not move the whole array on every message.
    if (this.messages.length > 6000) this.messages.splice(0, this.messages.length - 5000);
    return stored;
  }

  countCall(channel: Channel): void {
    this.calls.set(channel, (this.calls.get(channel) ?? 0) + 1);
  }

  queueFaults(channel: Channel, faults: SinkFault[]): void {
    this.faults.set(channel, [...(this.faults.get(channel) ?? []), ...faults]);
  }

  takeFault(channel: Channel): SinkFault | undefined {
    return this.faults.get(channel)?.shift();
  }

  forget(which: (message: SinkMessage) => boolean): void {
    const kept = this.messages.filter((m) => !which(m));
    this.messages.splice(0, this.messages.length, ...kept);
  }

  clear(): void {
    this.messages.length = 0;
    this.faults.clear();
    this.calls.clear();
  }
}
