import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD } from "./helpers";

// Every page of the app, as an admin and as a receptionist, in English and in French, with
// its dialogs open and its empty states: no serious or critical WCAG 2.1 A/AA violation
// (axe-core, through expectAccessible in ./a11y).
async function as(browser: Browser, email: string, locale: "en" | "fr", baseURL: string): Promise<Page> {
  const context = await browser.newContext({ locale: locale === "fr" ? "fr-FR" : "en-US" });
  await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(DEMO_PASSWORD);
  await page.locator("button[type=submit]").click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

test("the sign-in page, the forbidden and not-found pages", async ({ browser, baseURL }) => {
  for (const locale of ["en", "fr"] as const) {
    const context = await browser.newContext();
    await context.addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await expectAccessible(page, `sign-in (${locale})`);
    await page.goto("/no-such-page");
    await expectAccessible(page, `not found (${locale})`);
    await context.close();
  }
  const finance = await as(browser, "finance@saint-martin.demo", "en", baseURL!);
  await finance.goto("/patients");
  await expect(finance.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(finance, "forbidden");
});

for (const [role, email] of [
  ["admin", "admin@saint-martin.demo"],
  ["receptionist", "reception@saint-martin.demo"],
] as const) {
  for (const locale of ["en", "fr"] as const) {
    test(`every staff page as ${role} (${locale})`, async ({ browser, baseURL }) => {
      // Some twenty pages and dialogs, each analysed in full.
      test.setTimeout(180_000);
      const page = await as(browser, email, locale, baseURL!);
      const check = (where: string) => expectAccessible(page, `${where} as ${role} (${locale})`);

      await page.goto("/appointments");
      await expect(page.getByTestId("appointment-row").first()).toBeVisible();
      await check("appointments");
      await page.getByTestId("appointment-row").first().getByRole("link").first().click();
      await expect(page.getByTestId("appointment-when")).toBeVisible();
      await check("an appointment with its scheduled notifications");
      await page.goto("/appointments");
      // A dialog open: cancelling an upcoming appointment.
      const cancel = page.getByTestId("appointment-row").getByRole("button", { name: locale === "fr" ? /^Annuler/ : /^Cancel/ }).first();
      if (await cancel.isVisible()) {
        await cancel.click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await check("appointments, cancel dialog open");
        await page.keyboard.press("Escape");
      }

      await page.goto("/patients");
      await check("patients");
      await page.goto("/patients/new");
      await check("new patient");
      await page.goto("/agenda");
      await check("agenda");
      await page.goto("/agenda?view=week");
      await check("agenda, week");
      const slot = page.getByTestId("free-slot").first();
      if (await slot.isVisible()) {
        await slot.click();
        await expect(page.getByRole("dialog")).toBeVisible();
        await check("agenda, booking dialog open");
        await page.keyboard.press("Escape");
      }
      await page.goto("/patients?q=zzzzzz-nobody");
      await check("patients, empty search");
      const { patients } = await (await page.request.get("/api/patients?limit=1")).json();
      await page.goto(`/patients/${patients[0].id}`);
      await check("patient record");
      await page.goto(`/patients/${patients[0].id}/edit`);
      await check("edit patient");

      await page.goto("/inbox");
      await expect(page.getByTestId("conversation").first()).toBeVisible();
      await page.getByTestId("conversation").first().click();
      await check("inbox, a conversation open");

      await page.goto("/notifications");
      await check("notifications");
      const first = page.getByTestId("delivery-row").first();
      if (await first.isVisible()) {
        await first.getByRole("link").first().click();
        await check("a delivery");
      }
      await page.goto("/notifications?status=bounced&channel=telegram");
      await check("notifications, empty");

      await page.goto("/settings");
      await check("settings");
      await page.goto("/settings/preferences");
      await check("my preferences");
      await page.goto("/settings/notifications");
      await check("my notifications");
      await page.goto("/alerts");
      await check("alerts");
      await page.getByTestId("alert-bell").locator("visible=true").click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await check("alerts, the bell's panel open");
      await page.keyboard.press("Escape");
      if (role === "admin") {
        await page.goto("/settings/agendas");
        await check("settings, agendas");
        await page.goto("/settings/visit-reasons");
        await check("settings, visit reasons");
        await page.goto("/settings/import");
        await check("settings, import");
        await page.goto("/settings/reminders");
        await check("settings, reminders");
        await page.goto("/settings/alert-routing");
        await check("settings, alert routing");
        await page.goto("/settings/notification-switches");
        await check("settings, notification switches");
        await page.goto("/settings/channels");
        await check("settings, channels");
        await page.goto("/settings/event-channels");
        await check("settings, event channels");
        await page.goto("/settings/templates?event=appointment.cancelled");
        await expect(page.getByTestId("sms-segments").first()).toBeVisible();
        await check("settings, templates");
        await page.goto("/settings/audit");
        await check("settings, audit trail");
        await page.goto("/settings/staff");
        await check("settings, staff");
      }

      // The shortcut list, open.
      await page.goto("/inbox");
      await expect(page.getByTestId("conversation").first()).toBeVisible();
      await page.getByTestId("shortcut-help").click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await check("inbox, shortcut list open");
      await page.keyboard.press("Escape");
      // The Local sinks page (dev tooling, absent in production) is left out: after a long run it
      // holds hundreds of email previews in iframes, too heavy to analyse in every story.
      await page.context().close();
    });
  }
}
