import { expect, test } from "@playwright/test";
import { LOCAL_WEBHOOK_SECRETS } from "../lib/notifications/setup/local-sink-channels";
import { twilioSignature } from "../lib/notifications/webhooks/signatures";
import { PARIS_LAB, PARIS_RECEPTION, signIn, signedInPage } from "./helpers";

test("a receptionist filters unread WhatsApp conversations and replies; the reply shows as sent", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  await page.goto("/inbox?type=whatsapp&status=unread");
  const first = page.getByTestId("conversation").first();
  await expect(first).toHaveAttribute("data-status", "unread");
  await first.click();
  await expect(page).toHaveURL(/[?&]c=/);
  const composer = page.getByRole("form", { name: "Reply" });
  await expect(composer.getByLabel("Send by")).toHaveValue(/whatsapp|sms|email|portal/);
  await composer.getByRole("textbox", { name: "Message", exact: true }).fill("Bonjour, c'est noté.");
  await composer.getByRole("button", { name: "Send" }).click();
  const reply = page.getByTestId("message").filter({ hasText: "Bonjour, c'est noté." });
  await expect(reply).toBeVisible();
  await expect(reply.getByTestId("tick")).toHaveAttribute("data-tick", /sent|delivered|read/);
});

test("an SMS from a patient appears in the open inbox without a reload", async ({ page, request, baseURL }) => {
  await signIn(page, PARIS_RECEPTION);
  const { patients } = await (await page.request.get("/api/patients?limit=50")).json();
  const patient = patients.find((p: { phone: string | null }) => p.phone);
  const { deliveries } = await (await page.request.get("/api/deliveries?limit=1")).json();
  const clinicId = (await (await page.request.get(`/api/deliveries/${deliveries[0].id}`)).json()).delivery.clinicId;
  await page.goto("/inbox");
  await expect(page.getByTestId("conversation").first()).toBeVisible();
  // Connected to the live feed: the inbox no longer polls, so what follows arrives by SSE.
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "true");

  const url = `${baseURL}/api/webhooks/sms/${clinicId}`;
  const text = `Hello from e2e ${Date.now()}`;
  const form = new URLSearchParams({ MessageSid: `SMe2e${Date.now()}`, From: patient.phone, To: "+33700000000", Body: text });
  const signature = twilioSignature(LOCAL_WEBHOOK_SECRETS.smsAuthToken, url, form);
  const response = await request.post(url, { data: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature } });
  expect(response.status()).toBe(200);
  await expect(page.getByTestId("conversation").filter({ hasText: text })).toBeVisible({ timeout: 5_000 });
});

test("without send_messages there is no inbox, and the API refuses", async ({ browser }) => {
  const lab = await signedInPage(browser, PARIS_LAB);
  await lab.goto("/inbox");
  await expect(lab).toHaveURL(/\/forbidden\?need=send_messages/);
  expect((await lab.request.get("/api/conversations")).status()).toBe(403);
});
