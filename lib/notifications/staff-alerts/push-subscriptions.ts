import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { staffPushSubscriptions } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { ConflictError, NotFoundError } from "@/lib/errors/app-errors";
import { clinicChannelConfig, clinicProviders } from "@/lib/notifications/providers/registry";
import { messageTranslator } from "@/lib/i18n/translator";

type Ctx = Pick<StaffContext, "db" | "clinicId" | "clinic" | "staff">;

const base64url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, "must be base64url");

// What the browser's PushManager.subscribe() answers (PushSubscription.toJSON()), and the
// browser it came from, to tell a staff member's browsers apart.
export const pushSubscriptionSchema = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/, error: "must be the push service's URL" }).max(2000),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({ p256dh: base64url.min(40).max(200), auth: base64url.min(8).max(100) }),
  browser: z.string().trim().max(120).optional(),
});
export type PushSubscriptionInput = z.output<typeof pushSubscriptionSchema>;
export const pushSubscriptionIdSchema = z.object({ id: z.uuid("must be a subscription id") });

// The clinic's VAPID public key, which the browser subscribes with; null while Web Push is not set up.
async function vapidPublicKey(ctx: Ctx) {
  return (await clinicChannelConfig(ctx.db, ctx.clinicId, "web_push"))?.vapidPublicKey ?? null;
}

export async function listMyPushSubscriptions(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      id: staffPushSubscriptions.id,
      endpoint: staffPushSubscriptions.endpoint,
      browser: staffPushSubscriptions.browser,
      createdAt: staffPushSubscriptions.createdAt,
    })
    .from(staffPushSubscriptions)
    .where(
      inClinic(ctx, staffPushSubscriptions, eq(staffPushSubscriptions.staffUserId, ctx.staff.id), eq(staffPushSubscriptions.active, true)),
    )
    .orderBy(desc(staffPushSubscriptions.createdAt));
  return { publicKey: await vapidPublicKey(ctx), subscriptions: rows };
}

// This browser's subscription, stored (or refreshed: the same endpoint is one row). An endpoint
// another staff member had (a shared computer) becomes this one's.
export async function saveMyPushSubscription(ctx: Ctx, input: PushSubscriptionInput, now: Date) {
  if (!(await vapidPublicKey(ctx)))
    throw new ConflictError(
      "web_push_not_configured",
      "Browser push is not set up for this clinic yet: an admin sets it up under the channels.",
    );
  const values = {
    staffUserId: ctx.staff.id,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    browser: input.browser ?? null,
    active: true,
    deactivatedAt: null,
    deactivationReason: null,
  };
  const [row] = await ctx.db
    .insert(staffPushSubscriptions)
    .values({ clinicId: ctx.clinicId, endpoint: input.endpoint, ...values, createdAt: now })
    .onConflictDoUpdate({
      target: staffPushSubscriptions.endpoint,
      set: values,
      setWhere: eq(staffPushSubscriptions.clinicId, ctx.clinicId),
    })
    .returning({ id: staffPushSubscriptions.id });
  // The endpoint is another clinic's: never moved across clinics.
  if (!row) throw new ConflictError("subscription_elsewhere", "This browser is subscribed for another clinic.");
  return { subscription: { id: row.id } };
}

export async function removeMyPushSubscription(ctx: Ctx, id: string, now: Date) {
  const [row] = await ctx.db
    .update(staffPushSubscriptions)
    .set({ active: false, deactivatedAt: now, deactivationReason: "removed by its owner" })
    .where(
      inClinic(
        ctx,
        staffPushSubscriptions,
        eq(staffPushSubscriptions.id, id),
        eq(staffPushSubscriptions.staffUserId, ctx.staff.id),
        eq(staffPushSubscriptions.active, true),
      ),
    )
    .returning({ id: staffPushSubscriptions.id });
  if (!row) throw new NotFoundError("Browser subscription");
  return { removed: row.id };
}

// A test push to each of one's own browsers, with each push service's real answer; one it has
// dropped (404/410) is deactivated at once.
export async function sendMyTestPush(ctx: Ctx, now: Date) {
  const { providers } = await clinicProviders(ctx.db, ctx.clinicId);
  const provider = providers.get("web_push");
  if (!provider)
    throw new ConflictError(
      "web_push_not_configured",
      "Browser push is not set up for this clinic yet: an admin sets it up under the channels.",
    );
  const subscriptions = await ctx.db
    .select()
    .from(staffPushSubscriptions)
    .where(
      and(
        eq(staffPushSubscriptions.clinicId, ctx.clinicId),
        eq(staffPushSubscriptions.staffUserId, ctx.staff.id),
        eq(staffPushSubscriptions.active, true),
      ),
    );
  const t = messageTranslator(ctx.clinic.defaultLanguage);
  const results = [];
  for (const s of subscriptions) {
    const outcome = await provider.send({
      deliveryId: randomUUID(),
      eventId: randomUUID(),
      eventType: "staff.test_push",
      to: s.endpoint,
      language: ctx.clinic.defaultLanguage,
      subject: t("pushTest.title"),
      text: t("pushTest.body"),
      html: null,
      webPushKeys: { p256dh: s.p256dh, auth: s.auth },
      link: "/settings/notifications",
    });
    if (!outcome.ok && outcome.kind === "permanent" && outcome.deadAddress)
      await ctx.db
        .update(staffPushSubscriptions)
        .set({ active: false, deactivatedAt: now, deactivationReason: `${outcome.code}: ${outcome.message}`.slice(0, 500) })
        .where(eq(staffPushSubscriptions.id, s.id));
    results.push({
      id: s.id,
      browser: s.browser,
      ok: outcome.ok,
      answer: outcome.ok ? "accepted" : `${outcome.code}: ${outcome.message}`.slice(0, 200),
    });
  }
  return { results };
}
