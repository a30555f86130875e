import http from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@upstash/qstash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { recordingQueue } from "@/lib/testing/factories";
import { ensureReminderSchedule, receiveReminderTick, REMINDER_SCHEDULE_ID } from "./schedule";

// The real QStash SDK against a local server that answers as QStash's schedules API does.
let server: http.Server;
let baseUrl = "";
const received: { method: string; url: string; headers: http.IncomingHttpHeaders }[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ scheduleId: req.headers["upstash-schedule-id"] ?? "scd_new" }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the reminder schedule", () => {
  it("creates (or, run again, updates) one schedule calling the tick every minute", async () => {
    const client = new Client({ baseUrl, token: "test-token", enableTelemetry: false });
    const first = await ensureReminderSchedule(client, "https://clinic.example.com");
    await ensureReminderSchedule(client, "https://clinic.example.com");
    expect(first.scheduleId).toBe(REMINDER_SCHEDULE_ID);
    expect(received).toHaveLength(2);
    for (const call of received) {
      expect(call).toMatchObject({ method: "POST", url: "/v2/schedules/https://clinic.example.com/api/jobs/reminders" });
      expect(call.headers).toMatchObject({
        authorization: "Bearer test-token",
        "upstash-cron": "* * * * *",
        "upstash-schedule-id": REMINDER_SCHEDULE_ID,
        "upstash-retries": "0",
      });
    }
  });

  it("refuses a tick that QStash did not sign, before it touches the database", async () => {
    const untouchable = new Proxy({} as Database, {
      get() {
        throw new Error("the database was reached before the signature was checked");
      },
    });
    const runtime = { db: untouchable, queue: recordingQueue() };
    await expect(receiveReminderTick(runtime, null, "", new Date())).rejects.toMatchObject({ status: 401 });
    await expect(receiveReminderTick(runtime, "not.a.jwt", "", new Date())).rejects.toMatchObject({ status: 401 });
  });
});
