import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { sessionCookies } from "./sessions";

export const DEMO_PASSWORD = "demo-clinic-2026";
export const PARIS_RECEPTION = "reception@saint-martin.demo";
export const HUDSON_RECEPTION = "reception@hudson.demo";
export const PARIS_LAB = "lab@saint-martin.demo";
export const PARIS_DOCTOR = "dr.lefevre@saint-martin.demo";

// The page's context takes the account's session (signed in once per run, ./sessions.ts), and
// opens the app. A password other than the demo one (an account a story made) uses the form.
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (password === DEMO_PASSWORD) {
    await page.context().addCookies(await sessionCookies(baseUrlOf(), email, password));
    await page.goto("/");
  } else {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page.getByTestId("current-user")).toBeVisible();
}

// The server the running test's project talks to (playwright.config.ts).
export function baseUrlOf(): string {
  const configured = test.info().project.use.baseURL;
  if (!configured) throw new Error("no baseURL configured for this project");
  return configured;
}

// A signed-in browser context of its own, for stories with two staff members at once.
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

export type AppointmentRow = { id: string; status: string; bookingReference: string; startsAt: string; patientId: string };

// The next days' appointments through the API, to pick one a story can act on.
export async function findAppointment(
  request: APIRequestContext,
  status: string,
  fromDay = 1,
  where: (a: AppointmentRow) => Promise<boolean> | boolean = () => true,
): Promise<AppointmentRow & { date: string }> {
  for (let offset = fromDay; offset < fromDay + 14; offset++) {
    const date = new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
    const response = await request.get(`/api/appointments?date=${date}`);
    expect(response.status()).toBe(200);
    const { appointments } = (await response.json()) as { appointments: AppointmentRow[] };
    for (const a of appointments) if (a.status === status && (await where(a))) return { ...a, date };
  }
  throw new Error(`No ${status} appointment in the next two weeks`);
}

// The patient's contact data, to pick an appointment whose messages a story can see.
export async function patientOf(request: APIRequestContext, patientId: string) {
  const { patient } = await (await request.get(`/api/patients/${patientId}`)).json();
  return patient as { phone: string | null; email: string | null };
}
