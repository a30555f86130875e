import { expect, test } from "@playwright/test";
// Every page of these stories is checked with axe-core (@axe-core/playwright, WCAG 2.1 A/AA,
// no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { signIn } from "./helpers";

test("an admin adds a receptionist, who signs in; once deactivated, the next request is refused at once", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = `temp.reception.${Date.now()}@hudson.demo`;
  await signIn(page, "admin@hudson.demo");
  await page.goto("/settings/staff");
  await expectAccessible(page, "settings, staff");
  const add = page.getByRole("form", { name: "Add a staff member" });
  await add.getByLabel("Name").fill("Temp Reception");
  await add.getByLabel("Email").fill(email);
  await add.getByLabel("Role").selectOption("receptionist");
  await add.getByLabel("First password (12+ characters)").fill("a first long password");
  await add.getByRole("button", { name: "Add" }).click();
  const card = page.locator(`[data-testid=staff-member][data-email="${email}"]`);
  await expect(card).toContainText("Temp Reception");

  const context = await browser.newContext({ locale: "en-US" });
  const newcomer = await context.newPage();
  await signIn(newcomer, email, "a first long password");
  expect((await newcomer.request.get("/api/patients?limit=1")).status()).toBe(200);

  await card.getByRole("button", { name: "Deactivate" }).click();
  await expect(card).toContainText("Deactivated");
  expect((await newcomer.request.get("/api/patients?limit=1")).status()).toBe(401);
  await context.close();
});
