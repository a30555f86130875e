import { expect, test } from "@playwright/test";
// Every page of these stories is checked with axe-core (@axe-core/playwright, WCAG 2.1 A/AA,
// no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { HUDSON_RECEPTION, signIn } from "./helpers";

test("an admin sees each channel with its secrets masked, and a test send reports the provider's answer", async ({ page }) => {
  await signIn(page, "admin@hudson.demo");
  await page.goto("/settings/channels");
  const sms = page.locator("[data-testid=channel-card][data-channel=sms]");
  await expect(sms.getByRole("heading", { name: "SMS" })).toBeVisible();
  await expectAccessible(page, "settings, channels");
  // The auth token is a password field, empty, saying only its last four characters.
  const token = sms.getByLabel("Auth token");
  await expect(token).toHaveAttribute("type", "password");
  await expect(token).toHaveValue("");
  await expect(token).toHaveAttribute("placeholder", /^Stored: ••••.{4} — leave empty to keep$/);
  const { channels } = (await (await page.request.get("/api/channels")).json()) as {
    channels: { channel: string; fields: Record<string, { value: string; secret: boolean }> }[];
  };
  for (const c of channels) for (const f of Object.values(c.fields)) if (f.secret && f.value) expect(f.value).toMatch(/^••••.{0,4}$/);

  await sms.getByLabel("Send a test to").fill("+12125550123");
  await sms.getByRole("button", { name: "Send a test" }).click();
  await expect(sms.getByTestId("test-outcome")).toContainText("Accepted by the provider: SM");

  // A wrong Firebase key is refused with the reason, beside the field.
  const push = page.locator("[data-testid=channel-card][data-channel=push]");
  await push.getByLabel("Firebase service account (JSON key)").fill('{"type":"authorized_user"}');
  await push.getByRole("button", { name: "Save" }).click();
  await expect(push.getByRole("alert")).toContainText("must be a service account key");
});

test("a receptionist cannot open the channels workspace, and its API answers 403", async ({ page }) => {
  await signIn(page, HUDSON_RECEPTION);
  await page.goto("/settings/preferences");
  await expect(page.getByRole("link", { name: "Channels" })).toHaveCount(0);
  await page.goto("/settings/channels");
  await expect(page).toHaveURL(/\/forbidden\?need=manage_settings/);
  expect((await page.request.get("/api/channels")).status()).toBe(403);
  expect((await page.request.put("/api/channels/sms", { data: { enabled: false, config: {} } })).status()).toBe(403);
});
