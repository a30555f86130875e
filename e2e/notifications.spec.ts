import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SignJWT } from "jose";
import { twilioSignature } from "@/lib/webhooks/signatures";
import { expectAccessible } from "./a11y";
import { findAppointment, PARIS_RECEPTION, patientOf, signIn } from "./helpers";
import { E2E_QSTASH_KEYS, webhookSecretsFor } from "./keys";

const PARIS_API_KEY = "cnk_demo_saint_martin";

test.describe.configure({ mode: "serial" });

test(
  "cancelling an appointment in the UI sends the messages, shown on the local sinks page and in the delivery log",
  { tag: "@embedded" },
  async ({ page }) => {
    await signIn(page, PARIS_RECEPTION);
    // A patient with a mobile number: the SMS shows the booking reference.
    const appointment = await findAppointment(page.request, "confirmed", 8, async (a) =>
      Boolean((await patientOf(page.request, a.patientId)).phone),
    );
    await page.goto(`/appointments?date=${appointment.date}`);
    const row = page.locator(`[data-testid=appointment-row][data-reference="${appointment.bookingReference}"]`);
    await row.getByRole("button", { name: /^Cancel / }).click();
    await expectAccessible(page, "appointments, cancel dialog");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel appointment" }).click();
    await expect(row.locator("[data-status]")).toHaveText("Cancelled");

    await page.getByRole("link", { name: "Local sinks" }).click();
    const sms = page.locator("[data-testid=sink-message][data-channel=sms]").filter({ hasText: appointment.bookingReference });
    await expect(sms).toContainText("est annulé");

    await page.goto("/notifications?event=appointment.cancelled");
    await expect(page.getByTestId("delivery-row").first()).toBeVisible();
    // A row whose status is Sent (the text "Not sent" would match a plain text filter too).
    await page
      .getByTestId("delivery-row")
      .filter({ has: page.locator("[data-delivery-status=sent]") })
      .first()
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByTestId("attempts")).toContainText("Accepted");
    await expectAccessible(page, "a delivery's timeline");
  },
);

test("a patient with no email address shows an Email row not sent, with the reason", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  type P = { id: string; email: string | null };
  const { patients } = (await (await page.request.get("/api/patients?limit=100")).json()) as { patients: P[] };
  const noEmail = patients.filter((p) => !p.email);
  let target: { patientId: string; appointmentId: string } | undefined;
  for (const p of noEmail) {
    const record = await (await page.request.get(`/api/patients/${p.id}`)).json();
    const upcoming = record.appointments.find(
      (a: { status: string; startsAt: string }) => a.status === "confirmed" && Date.parse(a.startsAt) > Date.now() + 86400_000,
    );
    if (upcoming) {
      target = { patientId: p.id, appointmentId: upcoming.id };
      break;
    }
  }
  expect(target, "a demo patient without email who has an upcoming appointment").toBeTruthy();
  const response = await page.request.patch(`/api/appointments/${target!.appointmentId}`, {
    data: { action: "cancel", reason: "Patient request" },
  });
  expect(response.status()).toBe(200);

  // The pipeline is asynchronous: the cancellation's event is processed by the queue a moment
  // after the PATCH answers, and the delivery log is a server-rendered page, so look again until
  // the decision is recorded.
  const emailRow = page.getByTestId("delivery-row").first();
  await expect(async () => {
    await page.goto(`/notifications?patient=${target!.patientId}&channel=email`);
    await expect(emailRow).toContainText("Not sent", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(emailRow.getByTestId("delivery-why")).toHaveText("No email address on file.");
  await expectAccessible(page, "notifications, filtered by patient and channel");
});

test("other systems publish events with the clinic's API key; a repeated id is a duplicate", async ({ request }) => {
  const headers = { authorization: `Bearer ${PARIS_API_KEY}` };
  const id = `e2e-${Date.now()}`;
  const body = { id, type: "clinical.report_ready", data: { patientId: "00000000-0000-4000-8000-000000000000" } };
  const first = await request.post("/api/events", { headers, data: body });
  expect(first.status()).toBe(202);
  const created = await first.json();
  expect(created).toMatchObject({ duplicate: false });
  const again = await request.post("/api/events", { headers, data: body });
  expect(await again.json()).toEqual({ id: created.id, duplicate: true });

  const bad = await request.post("/api/events", { headers, data: { type: "appointment.cancelled", data: { bookingReference: "" } } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("invalid_input");
  expect((await request.post("/api/events", { data: body })).status()).toBe(401);
  expect((await request.post("/api/events", { headers: { authorization: "Bearer cnk_wrong" }, data: body })).status()).toBe(401);
});

test("webhooks refuse unsigned and tampered requests; a signed SMS receipt shows in the delivery log", async ({
  page,
  request,
  baseURL,
}) => {
  await signIn(page, PARIS_RECEPTION);
  const { deliveries } = await (await page.request.get("/api/deliveries?channel=sms&status=sent&limit=1")).json();
  expect(deliveries.length).toBe(1);
  const detail = await (await page.request.get(`/api/deliveries/${deliveries[0].id}`)).json();
  const clinicId = detail.delivery.clinicId as string;
  const url = `${baseURL}/api/webhooks/sms/${clinicId}`;
  const form = new URLSearchParams({ MessageSid: detail.delivery.providerMessageId, MessageStatus: "delivered" });

  expect(
    (await request.post(url, { data: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } })).status(),
  ).toBe(401);
  const signature = twilioSignature(webhookSecretsFor(baseURL!, clinicId).smsAuthToken, url, form);
  const tampered = new URLSearchParams({ MessageSid: detail.delivery.providerMessageId, MessageStatus: "failed" });
  expect(
    (
      await request.post(url, {
        data: tampered.toString(),
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      })
    ).status(),
  ).toBe(401);
  const ok = await request.post(url, {
    data: form.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
  });
  expect(ok.status()).toBe(200);

  await page.goto(`/notifications/${deliveries[0].id}`);
  await expect(page.getByTestId("receipts")).toContainText("delivered");
  await expectAccessible(page, "a delivery with its receipts");
  expect((await request.post(`/api/webhooks/whatsapp/${clinicId}`, { data: { entry: [] } })).status()).toBe(401);
  expect((await request.post(`/api/webhooks/ses/${clinicId}`, { data: { Type: "Notification" } })).status()).toBe(401);
});

test("the QStash job route accepts only requests signed for it", async ({ request, baseURL }) => {
  const url = `${baseURL}/api/jobs/events`;
  const body = JSON.stringify({ eventId: "00000000-0000-4000-8000-000000000000" });
  const sign = async (raw: string, key: string = E2E_QSTASH_KEYS.current, sub = url) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ body: createHash("sha256").update(raw).digest("base64url") })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("Upstash")
      .setSubject(sub)
      .setNotBefore(now)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode(key));
  };
  const post = (raw: string, signature?: string) =>
    request.post(url, {
      data: raw,
      headers: { "content-type": "application/json", ...(signature ? { "upstash-signature": signature } : {}) },
    });

  expect((await post(body)).status()).toBe(401);
  expect((await post(body.replace("0000-4000", "1111-4000"), await sign(body))).status()).toBe(401);
  expect((await post(body, await sign(body, "not-the-key"))).status()).toBe(401);
  expect((await post(body, await sign(body, E2E_QSTASH_KEYS.current, "http://evil.example.com/api/jobs/events"))).status()).toBe(401);
  const accepted = await post(body, await sign(body, E2E_QSTASH_KEYS.next));
  expect(accepted.status()).toBe(200);
  expect(await accepted.json()).toEqual({ outcome: "already_processed" });
});
