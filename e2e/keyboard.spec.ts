import { expect, test, type Locator, type Page } from "@playwright/test";
import { twilioSignature } from "@/lib/webhooks/signatures";
import { expectAccessible } from "./a11y";
import { webhookSecretsFor } from "./keys";
import { DEMO_PASSWORD, findAppointment, HUDSON_RECEPTION, PARIS_RECEPTION, signIn } from "./helpers";

// Presses Tab until the target has the focus, as a keyboard user reaches a control.
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

const focusedConversation = (page: Page) => page.locator("[data-testid=conversation]:focus");

test("a receptionist runs the inbox from the keyboard alone: no click, no mouse", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/sign-in");
  // The email field has the focus when the page opens.
  await page.keyboard.type(HUDSON_RECEPTION);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("current-user")).toBeVisible();

  // Tab from the top: the skip link comes first, then the navigation.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await tabTo(page, page.getByRole("link", { name: "Inbox" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/inbox/);
  const entries = page.getByTestId("conversation");
  await expect(entries.nth(2)).toBeVisible();
  await expectAccessible(page, "inbox, from the keyboard");

  // j three times: the third conversation; Enter opens it.
  for (let i = 0; i < 3; i++) await page.keyboard.press("j");
  await expect(focusedConversation(page)).toHaveCount(1);
  const third = await entries.nth(2).getAttribute("data-id");
  await expect(entries.nth(2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(entries.nth(1)).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]c=${third}`));
  const title = await page.getByTestId("thread-title").innerText();

  // r: the composer, and Ctrl+Enter sends.
  await page.keyboard.press("r");
  const message = page.getByRole("textbox", { name: "Message", exact: true });
  await expect(message).toBeFocused();
  const word = `Heron${Date.now()}`;
  await page.keyboard.type(`Thank you, your ${word} appointment is noted.`);
  // Typing in a field never fires a shortcut: "s", "e", "r" and "u" above stayed letters.
  await expect(message).toHaveValue(`Thank you, your ${word} appointment is noted.`);
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("message").filter({ hasText: word })).toBeVisible();

  // Esc: back to the list, on the open conversation; s stars it, e archives it.
  await page.keyboard.press("Escape");
  await expect(page.locator(`[data-testid=conversation][data-id="${third}"]`)).toBeFocused();
  await page.keyboard.press("s");
  await expect(page.getByRole("button", { name: "Unstar" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("e");
  await expect(page.getByRole("button", { name: "Unarchive" })).toBeVisible();
  await expect(page.locator(`[data-testid=conversation][data-id="${third}"]`)).toHaveCount(0);
  // Focus moved on to the neighbour rather than being lost.
  await expect(focusedConversation(page)).toHaveCount(1);

  // /: the search field; the archived conversation is found by the word just written.
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: /^Search messages/ });
  await expect(search).toBeFocused();
  await page.keyboard.type(word);
  await page.keyboard.press("Enter");
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toHaveAttribute("data-id", third!);
  await expect(page).not.toHaveURL(/[?&]c=/);
  // Esc from the search field: to the first result; Enter opens it.
  await page.keyboard.press("Escape");
  await expect(entries.first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]c=${third}`));
  await expect(page.getByTestId("thread-title")).toHaveText(title);

  // ?: every shortcut, in a dialog that holds the focus; Esc closes it.
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("shortcut-list")).toContainText("Mark unread");
  await expect(dialog.getByTestId("shortcut-list").locator("kbd")).toHaveText(["j", "k", "Enter", "r", "s", "e", "u", "/", "Esc", "?"]);
  await expectAccessible(page, "inbox, shortcut list open");
  await page.keyboard.press("Tab");
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("u marks the open conversation unread and goes back to it in the list", async ({ page, request, baseURL }) => {
  await signIn(page, HUDSON_RECEPTION);
  // A conversation of its own: other stories read, reply to and archive this clinic's inbox at
  // the same time. A new patient writes in by SMS, signed as the provider signs it.
  const run = Date.now().toString().slice(-7);
  const phone = `+1917${String(200 + (Number(run) % 800))}${run.slice(-4)}`;
  const created = await page.request.post("/api/patients", { data: { firstName: "Kay", lastName: `Unread${run}`, phone } });
  expect(created.status()).toBe(200);
  const { patient } = (await created.json()) as { patient: { clinicId: string; phone: string } };
  const url = `${baseURL}/api/webhooks/sms/${patient.clinicId}`;
  const text = `Late${run}`;
  const form = new URLSearchParams({ MessageSid: `SMu${run}`, From: patient.phone, To: "+12125550000", Body: text });
  const signature = twilioSignature(webhookSecretsFor(baseURL!, patient.clinicId).smsAuthToken, url, form);
  const inbound = await request.post(url, {
    data: form.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
  });
  expect(inbound.status()).toBe(200);

  await page.goto(`/inbox?q=${text}`);
  const own = page.getByTestId("conversation").filter({ hasText: text });
  await expect(own).toHaveAttribute("data-status", "unread");
  const id = await own.getAttribute("data-id");
  await own.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`c=${id}`));
  await page.keyboard.press("u");
  await expect(page).not.toHaveURL(/[?&]c=/);
  await page.goto("/inbox?status=unread");
  await expect(page.locator(`[data-testid=conversation][data-id="${id}"]`)).toHaveAttribute("data-status", "unread");
  await expectAccessible(page, "inbox, unread filter after u");
});

test("shortcuts turned off in My preferences stay off; turned on again, they work", async ({ page }) => {
  // An account of its own: the other keyboard stories must not find their shortcuts off.
  await signIn(page, "dr.ortiz@hudson.demo");
  await page.goto("/settings/preferences");
  await expectAccessible(page, "my preferences");
  const toggle = page.getByRole("switch", { name: "Single-key shortcuts" });
  await expect(toggle).toBeChecked();
  await toggle.press("Space");
  await expect(toggle).not.toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.goto("/inbox");
  await expect(page.getByTestId("conversation").first()).toBeVisible();
  await page.keyboard.press("j");
  await expect(focusedConversation(page)).toHaveCount(0);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.goto("/settings/preferences");
  await page.getByRole("switch", { name: "Single-key shortcuts" }).press("Space");
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.goto("/inbox");
  await expect(page.getByTestId("conversation").first()).toBeVisible();
  await page.keyboard.press("j");
  await expect(focusedConversation(page)).toHaveCount(1);
});

test("the Notifications log: / to its search field, j / k through the rows, Enter opens one", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  // At least two rows in the log: a cancellation writes the patient's notice and staff alerts.
  while (((await (await page.request.get("/api/deliveries?limit=2")).json()).deliveries as unknown[]).length < 2) {
    const appointment = await findAppointment(page.request, "confirmed");
    expect(
      (await page.request.patch(`/api/appointments/${appointment.id}`, { data: { action: "cancel", reason: "keyboard story" } })).status(),
    ).toBe(200);
    await expect
      .poll(async () => ((await (await page.request.get("/api/deliveries?limit=2")).json()).deliveries as unknown[]).length, {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
  }
  await page.goto("/notifications");
  const links = page.locator("[data-testid=delivery-row] [data-row-link]");
  await expect(links.nth(1)).toBeVisible();
  await page.keyboard.press("j");
  await expect(links.first()).toBeFocused();
  await page.keyboard.press("j");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(links.first()).toBeFocused();
  const href = await links.first().getAttribute("href");
  await page.keyboard.press("/");
  await expect(page.getByRole("searchbox", { name: /Search|Rechercher/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(links.first()).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expectAccessible(page, "a delivery, reached from the keyboard");
});
