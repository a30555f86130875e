import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffPushSubscriptions } from "@/db/schema";
import { staffContextFor } from "@/lib/testing/factories";
import { pipelineFixture, type PipelineFixture } from "@/lib/testing/pipeline-fixture";
import {
  listMyPushSubscriptions,
  pushSubscriptionSchema,
  removeMyPushSubscription,
  saveMyPushSubscription,
  sendMyTestPush,
} from "./push-subscriptions";

let f: PipelineFixture;
beforeAll(async () => {
  f = await pipelineFixture();
});
afterAll(() => f.close());

describe("a staff member's browser push subscriptions", () => {
  it("are stored from the browser's subscription, listed with the clinic's VAPID key, tested for real and removed", async () => {
    const me = await staffContextFor(f.db, f.clinic);
    const colleague = await staffContextFor(f.db, f.clinic);
    const browser = f.sink.newWebPushSubscription();
    const input = pushSubscriptionSchema.parse({ ...browser, expirationTime: null, browser: "Chrome · macOS" });
    await saveMyPushSubscription(me, input, new Date());
    await saveMyPushSubscription(me, input, new Date()); // the same browser again: one row
    const listed = await listMyPushSubscriptions(me);
    expect(listed.publicKey).toMatch(/^B[A-Za-z0-9_-]{80,}$/);
    expect(listed.subscriptions).toEqual([expect.objectContaining({ endpoint: browser.endpoint, browser: "Chrome · macOS" })]);

    const { results } = await sendMyTestPush(me, new Date());
    expect(results).toEqual([expect.objectContaining({ ok: true, answer: "accepted" })]);
    const pushed = f.sink.store.messages.find((m) => m.channel === "web_push");
    expect(pushed).toMatchObject({ subject: "Test from Clinic Notify" });

    // Someone else cannot remove it; its owner can, and it is kept, inactive.
    const id = listed.subscriptions[0].id;
    await expect(removeMyPushSubscription(colleague, id, new Date())).rejects.toMatchObject({ status: 404 });
    await removeMyPushSubscription(me, id, new Date());
    expect((await listMyPushSubscriptions(me)).subscriptions).toEqual([]);
    const [row] = await f.db.select().from(staffPushSubscriptions).where(eq(staffPushSubscriptions.id, id));
    expect(row).toMatchObject({ active: false, deactivationReason: "removed by its owner" });
  });

  it("a test push to a browser its push service has dropped (410) deactivates that subscription", async () => {
    const me = await staffContextFor(f.db, f.clinic);
    const gone = { endpoint: `${f.sink.url}/push/nobody00000`, keys: f.sink.newWebPushSubscription().keys };
    await saveMyPushSubscription(me, pushSubscriptionSchema.parse(gone), new Date());
    const { results } = await sendMyTestPush(me, new Date());
    expect(results[0]).toMatchObject({ ok: false, answer: expect.stringContaining("410") });
    expect((await listMyPushSubscriptions(me)).subscriptions).toEqual([]);
  });
});
