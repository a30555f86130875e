import { expect, test } from "@playwright/test";
// Every page and open dialog of these stories is checked with axe-core (@axe-core/playwright,
// WCAG 2.1 A/AA, no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { DEMO_PASSWORD, findAppointment, PARIS_DOCTOR, PARIS_RECEPTION, signIn, signedInPage } from "./helpers";

test("a receptionist cancels an appointment on Dr Lefèvre's agenda: his bell counts it without a reload, and the alert opens the appointment", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, PARIS_DOCTOR);
  const bell = page.getByTestId("alert-bell").locator("visible=true");
  await expect(bell).toBeVisible();
  // The live feed is connected once the first count has loaded.
  await expect(bell).toHaveAccessibleName(/^Alerts/);
  const before = Number((await bell.getAttribute("aria-label"))!.match(/(\d+) unread/)?.[1] ?? 0);

  const reception = await signedInPage(browser, PARIS_RECEPTION);
  const { agendas } = (await (await reception.request.get("/api/agendas")).json()) as { agendas: { id: string; name: string }[] };
  const lefevre = agendas.find((a) => a.name.startsWith("Dr Lefèvre"))!.id;
  const appointment = await findAppointment(
    reception.request,
    "confirmed",
    2,
    (a) => (a as unknown as { agendaId: string }).agendaId === lefevre,
  );
  const cancelled = await reception.request.patch(`/api/appointments/${appointment.id}`, {
    data: { action: "cancel", reason: "Patient called" },
  });
  expect(cancelled.ok()).toBe(true);

  await expect(bell).toHaveAccessibleName(`Alerts, ${before + 1} unread`, { timeout: 15_000 });
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Alerts" });
  const alert = panel.getByRole("link").filter({ hasText: "a été annulé" }).first();
  await expect(alert).toContainText("Annulation");
  await expectAccessible(page, "the alerts panel, open");
  await alert.click();
  await expect(page).toHaveURL(new RegExp(`/appointments/${appointment.id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(bell).toHaveAccessibleName(before ? `Alerts, ${before} unread` : "Alerts");

  await page.goto("/alerts");
  await expect(page.getByTestId("alert").first()).toContainText("Annulation");
  await expectAccessible(page, "alerts page");
  await reception.context().close();
});

test("a patient cancels from the app, through its API: the receptionist's bell counts it without a reload", async ({
  page,
  playwright,
}) => {
  test.setTimeout(90_000);
  await signIn(page, PARIS_RECEPTION);
  const bell = page.getByTestId("alert-bell").locator("visible=true");
  await expect(bell).toHaveAccessibleName(/^Alerts/);
  const before = Number((await bell.getAttribute("aria-label"))!.match(/(\d+) unread/)?.[1] ?? 0);

  // The patient app: a demo portal account signs in and lists its appointments.
  const app = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  const { accounts } = (await (await page.request.get("/api/portal-accounts?q=example")).json()) as { accounts: { email: string }[] };
  let cancelledId: string | undefined;
  for (const { email } of accounts) {
    const session = await app.post("/api/patient/session", { data: { clinic: "saint-martin", email, password: DEMO_PASSWORD } });
    expect(session.status()).toBe(201);
    const authorization = `Bearer ${((await session.json()) as { token: string }).token}`;
    const listed = await app.get("/api/patient/appointments", { headers: { authorization } });
    expect(listed.status()).toBe(200);
    const { appointments } = (await listed.json()) as { appointments: { id: string; status: string; startsAt: string }[] };
    // The furthest one: no other story counts on it.
    const mine = appointments.filter((a) => a.status === "confirmed").at(-1);
    if (!mine) continue;
    const cancelled = await app.post(`/api/patient/appointments/${mine.id}/cancel`, {
      headers: { authorization },
      data: { reason: "Feeling better" },
    });
    expect(cancelled.status()).toBe(200);
    cancelledId = mine.id;
    break;
  }
  expect(cancelledId, "a demo portal account with an appointment to come").toBeTruthy();

  await expect(bell).toHaveAccessibleName(`Alerts, ${before + 1} unread`, { timeout: 15_000 });
  await bell.click();
  const panel = page.getByRole("dialog", { name: "Alerts" });
  await expect(panel.getByRole("link").filter({ hasText: "par le patient" }).first()).toBeVisible();
  await expectAccessible(page, "the alerts panel with a patient's cancellation");
  await app.dispose();
});
