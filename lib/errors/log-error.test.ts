import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { messages, patients } from "@/db/schema";
import { errorResponse } from "@/lib/api/respond";
import { makeClinic } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { describeError, logError } from "./log-error";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle.close());

const HEALTH_DETAIL = "Résultats de biopsie : suspicion de mélanome";
const CONTACT = "paul.martin@example.org";

// Captures what the process writes to its error log while fn runs.
async function capturedLog(fn: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}

describe("logs carry no message text, contact data or bound parameters", () => {
  it("a failed query with a message body and an email is logged by its kind only", async () => {
    const clinic = await makeClinic(handle.db);
    const failure = await handle.db
      .insert(messages)
      .values({
        clinicId: clinic.id,
        conversationId: crypto.randomUUID(),
        direction: "outbound",
        channel: "email",
        body: `${HEALTH_DETAIL} — ${CONTACT}`,
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    // The error itself carries the data (that is what leaked before).
    expect(String((failure as Error).message)).toContain(HEALTH_DETAIL);

    const log = await capturedLog(async () => {
      const response = errorResponse(failure);
      expect(response.status).toBe(500);
      logError("event x failed", failure);
    });
    expect(log).toContain("foreign key");
    expect(log).not.toContain(HEALTH_DETAIL);
    expect(log).not.toContain(CONTACT);
    expect(describeError(failure)).not.toContain(CONTACT);
  });

  it("a unique violation names the constraint, never the duplicated value", async () => {
    const clinic = await makeClinic(handle.db);
    const values = { clinicId: clinic.id, firstName: "Paul", lastName: "Martin", email: CONTACT };
    const [first] = await handle.db.insert(patients).values(values).returning();
    const failure = await handle.db
      .insert(patients)
      .values({ ...values, id: first.id })
      .then(
        () => null,
        (error: unknown) => error,
      );
    const log = await capturedLog(async () => logError("patient import failed", failure));
    expect(log).toMatch(/duplicate key|unique/);
    expect(log).not.toContain(CONTACT);
    expect(log).not.toContain("Paul");
  });
});
