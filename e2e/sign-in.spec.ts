import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD, PARIS_RECEPTION, signIn } from "./helpers";

test.describe("staff sign-in", () => {
  test("the sign-in page lists the demo accounts, and one click fills the form", { tag: "@embedded" }, async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toBeVisible();
    await expect(page.getByText(DEMO_PASSWORD)).toBeVisible();
    await expectAccessible(page, "sign-in with the demo accounts");
    await page.getByRole("button", { name: /reception@saint-martin\.demo/ }).click();
    await expect(page.getByLabel("Email")).toHaveValue(PARIS_RECEPTION);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/appointments$/);
    await expect(page.getByTestId("current-user")).toHaveText("Julie Moreau");
    await expect(page.getByTestId("clinic-name")).toHaveText("Cabinet Médical Saint-Martin");
    await expectAccessible(page, "appointments after sign-in");
  });

  test("a wrong password is refused with a clear message and no session", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(PARIS_RECEPTION);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match an active account" })).toBeVisible();
    // The message is tied to both fields, which are marked invalid.
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/do not match an active account/);
    await expectAccessible(page, "sign-in, refused");
    await page.goto("/patients");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated wrong passwords are slowed: 429 with Retry-After, and the form says why", async ({ page, request }) => {
    const email = "accounts@saint-martin.demo";
    const attempt = async (password: string) => {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      return request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" }, maxRedirects: 0 });
    };
    for (let i = 0; i < 5; i++) expect((await attempt(`guess-${i}`)).status()).toBeLessThan(500);
    const throttled = await attempt("guess-again");
    expect(throttled.status()).toBe(429);
    expect(Number(throttled.headers()["retry-after"])).toBeGreaterThan(0);

    // In the browser (its own address): after the same mistakes even the right password
    // waits, and the form tells the person what is going on.
    await page.goto("/sign-in");
    const submit = async (password: string) => {
      await page.getByLabel("Email").fill("billing@saint-martin.demo");
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The form's own alert (Next keeps an empty route announcer with the same role).
      await expect(page.locator("form").getByRole("alert")).toBeVisible();
    };
    for (let i = 0; i < 5; i++) await submit(`guess-${i}`);
    await submit(DEMO_PASSWORD);
    await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();
    await expectAccessible(page, "sign-in, throttled");
  });

  test("pages and APIs require a session", async ({ page, request }) => {
    await page.goto("/appointments");
    await expect(page).toHaveURL(/\/sign-in/);
    await expectAccessible(page, "sign-in, redirected from a page");
    const response = await request.get("/api/patients");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, PARIS_RECEPTION);
    await page.getByRole("button", { name: "Account menu" }).click();
    await expectAccessible(page, "account menu open");
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    expect((await page.request.get("/api/patients")).status()).toBe(401);
  });
});
