import { describe, expect, it } from "vitest";
import { auditSummary } from "./audit-summary";

describe("an audit entry's detail in a line", () => {
  it.each([
    [
      "a created patient reads as its fields, not as JSON",
      { after: { firstName: { before: null, after: "Hélène" }, phone: { before: null, after: "+33612345678" } } },
      "firstName: Hélène · phone: +33612345678",
    ],
    [
      "a created patient kept despite a possible duplicate says why",
      { after: { lastName: { before: null, after: "Roux" } }, createdDespite: { reason: "Her son", records: ["a1", "b2"] } },
      "lastName: Roux · createdDespite.reason: Her son · createdDespite.records: a1, b2",
    ],
    ["an edit reads before → after", { lastName: { before: "Roux", after: "Roux-Martin" } }, "lastName: Roux → Roux-Martin"],
    ["one value changed, with its context", { channel: "sms", before: true, after: false }, "channel: sms · true → false"],
    ["a cleared value reads as a dash", { email: { before: "a@example.com", after: null } }, "email: a@example.com → —"],
  ])("%s", (_, detail, line) => {
    expect(auditSummary(detail)).toBe(line);
  });

  it("says nothing for an entry without detail", () => {
    expect(auditSummary(null)).toBe("");
  });
});
