import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { baseUrlOf, DEMO_PASSWORD, PARIS_RECEPTION, signIn } from "./helpers";
import { sessionCookies } from "./sessions";

// WCAG 1.4.10 (reflow) and 1.4.4 (resize text): the inbox and the patient page read at 320 CSS
// pixels wide and at 200 % zoom without scrolling sideways. 200 % zoom of a 1280 × 800 window
// is what the browser lays out in 640 × 400 CSS pixels at twice the pixel density.
const SIZES = [
  { name: "320 px wide", viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  { name: "200 % zoom", viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

async function noSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${where}: page ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
}

async function open(browser: Browser, size: (typeof SIZES)[number]) {
  const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await noSidewaysScroll(page, `sign-in at ${size.name}`);
  await page.getByLabel("Email").fill(PARIS_RECEPTION);
  await page.getByLabel("Password").fill("demo-clinic-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
  return page;
}

for (const size of SIZES) {
  test(`the inbox and the patient page at ${size.name}: no horizontal scroll, the menu opens in a drawer`, async ({ browser }) => {
    const page = await open(browser, size);
    await page.goto("/inbox");
    const entries = page.getByTestId("conversation");
    await expect(entries.first()).toBeVisible();
    await noSidewaysScroll(page, `inbox list at ${size.name}`);
    await expectAccessible(page, `inbox list at ${size.name}`);

    // One pane at a time: the thread replaces the list, and "back" returns to it.
    await entries.first().click();
    await expect(page.getByTestId("thread-title")).toBeVisible();
    await expect(entries.first()).toBeHidden();
    await noSidewaysScroll(page, `inbox thread at ${size.name}`);
    await expectAccessible(page, `inbox thread at ${size.name}`);
    await page.getByRole("button", { name: "Back to conversations" }).click();
    await expect(entries.first()).toBeFocused();

    const { patients } = await (await page.request.get("/api/patients?limit=1")).json();
    await page.goto(`/patients/${patients[0].id}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await noSidewaysScroll(page, `patient page at ${size.name}`);
    await expectAccessible(page, `patient page at ${size.name}`);

    // The navigation is a menu button; its drawer holds the focus until closed.
    await page.getByTestId("nav-menu").click();
    const drawer = page.getByRole("dialog", { name: "Main" });
    await expect(drawer.getByRole("link", { name: "Inbox" })).toBeVisible();
    await expectAccessible(page, `navigation drawer at ${size.name}`);
    await drawer.getByRole("link", { name: "Notifications" }).click();
    await expect(page).toHaveURL(/\/notifications/);
    await expect(drawer).toHaveCount(0);
    await page.context().close();
  });
}

for (const size of SIZES) {
  test(`the day's appointments (the home page) and the agenda at ${size.name}: no horizontal scroll, "Today" in view`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, locale: "en-US" });
    // The session signed in once per run (the account name sits in the drawer at this width).
    await context.addCookies(await sessionCookies(baseUrlOf(), PARIS_RECEPTION, DEMO_PASSWORD));
    const page = await context.newPage();
    for (const path of ["/", "/agenda"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // The agenda's time grid scrolls inside its own frame; the page itself must not.
      if (path === "/agenda") await expect(page.getByTestId("time-grid")).toBeVisible();
      await noSidewaysScroll(page, `${path} at ${size.name}`);
      const today = page.getByRole("navigation", { name: /day/i }).getByRole("link", { name: "Today" });
      const box = (await today.boundingBox())!;
      expect(box.x + box.width, `"Today" on ${path} ends inside the window`).toBeLessThanOrEqual(size.viewport.width);
    }
    await expectAccessible(page, `the agenda at ${size.name}`);
    await context.close();
  });
}

test("reduced motion: no transition or animation runs for someone who asked for less motion", async ({ browser }) => {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  await signIn(page, PARIS_RECEPTION);
  const duration = await page
    .getByRole("button", { name: "Account menu" })
    .first()
    .evaluate((el) => {
      const button = document.querySelector("button[class*=transition]") ?? el;
      return getComputedStyle(button).transitionDuration;
    });
  expect(parseFloat(duration)).toBeLessThan(0.001);
  await expectAccessible(page, "landing page with reduced motion");
  await context.close();
});
