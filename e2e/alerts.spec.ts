import { expect, test } from "@playwright/test";
// Every page and open dialog of these stories is checked with axe-core (@axe-core/playwright,
// WCAG 2.1 A/AA, no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { findAppointment, PARIS_DOCTOR, PARIS_RECEPTION, signIn, signedInPage } from "./helpers";

test("a receptionist cancels an appointment on Dr Lefèvre's agenda: his bell counts it without a reload, and the alert opens the appointment", async ({ page, browser }) => {
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
  const appointment = await findAppointment(reception.request, "confirmed", 2, (a) => (a as unknown as { agendaId: string }).agendaId === lefevre);
  const cancelled = await reception.request.patch(`/api/appointments/${appointment.id}`, { data: { action: "cancel", reason: "Patient called" } });
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
