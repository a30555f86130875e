import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, patientUserProfiles, patientUsers, type Clinic } from "@/db/schema";
import { NotFoundError } from "@/lib/errors/app-errors";
import { makeClinic, makePatient, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { getPatient } from "./get-patient";
import { approveLink, linkToAccount, searchPortalAccounts, unlinkAccount } from "./household";

let handle: DatabaseHandle;
let paris: Clinic;
let other: Clinic;
const now = new Date("2026-12-01T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db);
  other = await makeClinic(handle.db);
});
afterAll(() => handle.close());

describe("households", () => {
  it("links a child to a guardian's account, approves a link the patient asked for, unlinks; each audited", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const child = await makePatient(handle.db, paris.id, { firstName: "Léo" });
    const sibling = await makePatient(handle.db, paris.id, { firstName: "Zoé" });
    const [account] = await handle.db
      .insert(patientUsers)
      .values({ clinicId: paris.id, email: "maman@example.com", name: "Claire Martin" })
      .returning();
    expect((await searchPortalAccounts(ctx, "maman")).map((a) => a.id)).toEqual([account.id]);

    await linkToAccount(ctx, child.id, { accountId: account.id, relationship: "child" }, now);
    // Asked for from the portal: waiting for the clinic.
    await handle.db
      .insert(patientUserProfiles)
      .values({ clinicId: paris.id, patientUserId: account.id, patientId: sibling.id, relationship: "child", approved: false });
    await approveLink(ctx, sibling.id, account.id, now);
    const { household } = await getPatient(ctx, child.id);
    expect(household).toEqual([
      expect.objectContaining({
        accountId: account.id,
        approved: true,
        otherProfiles: [expect.objectContaining({ patientId: sibling.id, approved: true })],
      }),
    ]);

    await unlinkAccount(ctx, child.id, account.id, now);
    expect((await getPatient(ctx, child.id)).household).toEqual([]);
    const actions = (await handle.db.select().from(auditEvents).where(eq(auditEvents.staffUserId, ctx.staff.id)))
      .map((a) => a.action)
      .sort();
    expect(actions).toEqual(["household.approved", "household.linked", "household.unlinked"]);
  });

  it("never links across clinics", async () => {
    const ctx = await staffContextFor(handle.db, paris);
    const patient = await makePatient(handle.db, paris.id);
    const [foreignAccount] = await handle.db
      .insert(patientUsers)
      .values({ clinicId: other.id, email: "elsewhere@example.com", name: "Elsewhere" })
      .returning();
    await expect(linkToAccount(ctx, patient.id, { accountId: foreignAccount.id, relationship: "child" }, now)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const foreignPatient = await makePatient(handle.db, other.id);
    await expect(approveLink(ctx, foreignPatient.id, foreignAccount.id, now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await searchPortalAccounts(ctx, "elsewhere")).toEqual([]);
  });
});
