import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { findAppointment, PARIS_RECEPTION, signIn } from "./helpers";

test.describe.configure({ mode: "serial" });

test("a receptionist changes an appointment's status and the change persists", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  const appointment = await findAppointment(page.request, "confirmed", 5);
  await page.goto(`/appointments?date=${appointment.date}`);
  const row = page.locator(`[data-testid=appointment-row][data-reference="${appointment.bookingReference}"]`);
  await expect(row.locator("[data-status]")).toHaveText("Confirmed");

  await row.getByRole("combobox").selectOption({ label: "In waiting room" });
  await expect(row.locator("[data-status]")).toHaveText("In waiting room");
  await expectAccessible(page, "appointments, a status changed");

  await page.reload();
  await expect(row.locator("[data-status]")).toHaveText("In waiting room");
  const stored = await page.request.get(`/api/appointments?date=${appointment.date}`);
  const { appointments } = await stored.json();
  expect(appointments.find((a: { id: string }) => a.id === appointment.id).status).toBe("in_waiting_room");
});

test("a receptionist cancels an appointment with a reason", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  const appointment = await findAppointment(page.request, "confirmed", 6);
  await page.goto(`/appointments?date=${appointment.date}`);
  const row = page.locator(`[data-testid=appointment-row][data-reference="${appointment.bookingReference}"]`);
  await row.getByRole("button", { name: /^Cancel / }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel appointment" });
  await dialog.getByLabel("Reason (optional)").fill("Patient called to cancel");
  await expectAccessible(page, "appointments, cancel dialog");
  await dialog.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(row.locator("[data-status]")).toHaveText("Cancelled");
  // A cancelled appointment offers no further changes.
  await expect(row.getByRole("button", { name: /^Cancel / })).toHaveCount(0);
});

test("a receptionist moves an appointment to another day: after hours it is refused, then moved knowingly with a reason", async ({
  page,
}) => {
  await signIn(page, PARIS_RECEPTION);
  const appointment = await findAppointment(page.request, "confirmed", 7);
  await page.goto(`/appointments?date=${appointment.date}`);
  const row = page.locator(`[data-testid=appointment-row][data-reference="${appointment.bookingReference}"]`);
  await row.getByRole("button", { name: /^Move / }).click();
  const dialog = page.getByRole("dialog", { name: "Move appointment" });
  const target = new Date(Date.now() + 20 * 86400_000).toISOString().slice(0, 10);
  // 21:00: no demo agenda is open then. A move keeps the booking rules: refused, in words.
  await dialog.getByLabel("New date and time (clinic time)").fill(`${target}T21:00`);
  await expectAccessible(page, "appointments, move dialog");
  await dialog.getByRole("button", { name: "Move appointment" }).click();
  await expect(dialog.getByRole("alert")).toContainText(/Pick another (time|day), or say why it must be then/);
  await expect(row).toHaveCount(1);

  // Overruled knowingly: the reason goes with the move, into the audit trail.
  await dialog.getByLabel("Why it must be then (kept in the audit trail)").fill("Seen after hours: only time the patient can come");
  await expectAccessible(page, "appointments, move outside hours");
  await dialog.getByRole("button", { name: "Move anyway" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);

  await page.goto(`/appointments?date=${target}`);
  const moved = page.locator(`[data-testid=appointment-row][data-reference="${appointment.bookingReference}"]`);
  await expect(moved).toContainText("9:00");
  await expectAccessible(page, "appointments of the new day");
});
