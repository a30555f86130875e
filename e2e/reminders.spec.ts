import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
// Every page and open dialog of these stories is checked with axe-core (@axe-core/playwright,
// WCAG 2.1 A/AA, no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { HUDSON_RECEPTION, signIn, signedInPage } from "./helpers";

const HUDSON_ADMIN = "admin@hudson.demo";
const ORTIZ = "Dr. Ortiz — Internal Medicine";
const TIME_ZONE = "America/New_York";

// How the appointment page writes a reminder's time (clinic time, English).
const clinicTime = (d: Date) =>
  new Intl.DateTimeFormat("en", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: TIME_ZONE,
  }).format(d);

type Slot = { startsAt: string; local: string };

// An afternoon slot (14:00 or later) on the next weekdays, from `after` days on: its 3 h
// reminder then falls outside the quiet hours.
async function afternoonSlot(request: APIRequestContext, agendaId: string, visitReasonId: string, after: number): Promise<Slot> {
  for (let d = after; d < after + 14; d++) {
    const day = new Date(Date.now() + d * 86400_000).toISOString().slice(0, 10);
    const response = await request.get(`/api/agendas/${agendaId}/slots?from=${day}&to=${day}&visitReasonId=${visitReasonId}`);
    expect(response.status()).toBe(200);
    const { slots } = (await response.json()) as { slots: Slot[] };
    const slot = slots.find((s) => Number(s.local.slice(11, 13)) >= 14);
    if (slot) return slot;
  }
  throw new Error("no afternoon slot in two weeks");
}

async function ortizAgenda(page: Page) {
  const { agendas } = (await (await page.request.get("/api/agendas")).json()) as {
    agendas: { id: string; name: string; visitReasonIds: string[] }[];
  };
  return agendas.find((a) => a.name === ORTIZ)!;
}

const reminder = (page: Page, offsetMinutes: number) => page.locator(`[data-testid=scheduled-reminder][data-offset="${offsetMinutes}"]`);

test("an admin moves the 2 h reminder to 3 h on Dr. Ortiz's agenda; a receptionist books there, sees 24 h, 3 h and 30 min, and moving the appointment re-times them", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, HUDSON_ADMIN);
  await page.goto("/settings/reminders");
  await expect(page.getByRole("form", { name: "Whole clinic" })).toBeVisible();
  await expectAccessible(page, "reminder rules");

  // A wrong value is refused by the server and named beside its field.
  const clinic = page.getByRole("form", { name: "Whole clinic" });
  const third = clinic.getByRole("group", { name: "Reminder 3" });
  await third.getByLabel("How the channels go out").selectOption("delivered");
  const minutes = third.getByLabel("Minutes", { exact: true });
  await minutes.fill("45");
  await clinic.getByRole("button", { name: "Save" }).click();
  await expect(minutes).toHaveAttribute("aria-invalid", "true");
  await expect(minutes).toHaveAccessibleDescription(/must be shorter than the time before the start/);
  await expectAccessible(page, "reminder rules, with an error");
  await page.reload();

  // Dr. Ortiz's own rule: a copy of the clinic's, the second reminder 3 h before instead of 2 h.
  await page.getByLabel("Own rule for").selectOption({ label: ORTIZ });
  await page.getByRole("button", { name: "Add a rule" }).click();
  const ortizRule = page.getByRole("form", { name: `Agenda: ${ORTIZ}` });
  const second = ortizRule.getByRole("group", { name: "Reminder 2" }).getByLabel("Time before the start");
  await expect(second).toHaveValue("2");
  await second.fill("3");
  await ortizRule.getByRole("button", { name: "Save" }).click();
  await expect(ortizRule.getByRole("button", { name: "Remove this rule" })).toBeVisible();
  await expect(second).toHaveValue("3");
  await expectAccessible(page, "reminder rules with an agenda's own rule");

  // A receptionist books a new patient on that agenda.
  const reception = await signedInPage(browser, HUDSON_RECEPTION);
  const lastName = `Remind${Date.now().toString(36)}`;
  const created = await reception.request.post("/api/patients", {
    data: { firstName: "Dana", lastName, email: `${lastName.toLowerCase()}@example.com` },
  });
  expect(created.ok()).toBe(true);
  const { patient } = (await created.json()) as { patient: { id: string } };
  const agenda = await ortizAgenda(reception);
  const visitReasonId = agenda.visitReasonIds[0];
  const slot = await afternoonSlot(reception.request, agenda.id, visitReasonId, 2);
  await reception.goto(`/agenda?date=${slot.local.slice(0, 10)}&agendas=${agenda.id}&patient=${patient.id}&reason=${visitReasonId}`);
  const column = reception.locator(`[data-testid=agenda-column][data-agenda="${agenda.id}"]`);
  await column.locator(`[data-testid=free-slot][data-local="${slot.local}"]`).click();
  const dialog = reception.getByRole("dialog");
  await dialog.getByRole("button", { name: "Book" }).click();
  await expect(dialog).toHaveCount(0);
  const booked = column.getByTestId("agenda-appointment").filter({ hasText: lastName.toUpperCase() });
  await booked.getByRole("link", { name: /^Open the appointment at / }).click();

  // Its page lists the agenda's reminders: 24 h, 3 h and 30 min before, in clinic time.
  await expect(reception.getByRole("heading", { level: 1 })).toContainText(`Dana ${lastName.toUpperCase()}`);
  await expect(reception.getByTestId("scheduled-reminder")).toHaveCount(3);
  const start = new Date(slot.startsAt);
  await expect(reminder(reception, 1440)).toContainText("Reminder 24 h before");
  await expect(reminder(reception, 1440)).toContainText(`goes out ${clinicTime(new Date(start.getTime() - 24 * 3600_000))}`);
  await expect(reminder(reception, 180)).toContainText(`goes out ${clinicTime(new Date(start.getTime() - 3 * 3600_000))}`);
  await expect(reminder(reception, 180)).toContainText("WhatsApp, then App push if not delivered within 5 min");
  await expect(reminder(reception, 30)).toContainText("App push and SMS, together");
  await expect(reminder(reception, 120)).toHaveCount(0);
  await expectAccessible(reception, "appointment with its scheduled notifications");

  // Moved to another afternoon: the same three reminders, at the new times.
  const target = await afternoonSlot(reception.request, agenda.id, visitReasonId, 4);
  await reception.getByRole("button", { name: /^Move / }).click();
  const move = reception.getByRole("dialog", { name: "Move appointment" });
  await move.getByLabel("Day", { exact: true }).fill(target.local.slice(0, 10));
  await move.locator(`[data-testid=move-slots] [data-local="${target.local}"]`).click();
  await move.getByRole("button", { name: "Move appointment" }).click();
  await expect(move).toHaveCount(0);
  const moved = new Date(target.startsAt);
  await expect(reminder(reception, 180)).toContainText(`goes out ${clinicTime(new Date(moved.getTime() - 3 * 3600_000))}`);
  await expect(reminder(reception, 1440)).toContainText(`goes out ${clinicTime(new Date(moved.getTime() - 24 * 3600_000))}`);
  await expect(reception.getByTestId("scheduled-reminder")).toHaveCount(3);

  // The agenda goes back to the clinic's rule, for the stories after this one.
  await page.reload();
  await page
    .getByRole("form", { name: `Agenda: ${ORTIZ}` })
    .getByRole("button", { name: "Remove this rule" })
    .click();
  await expect(page.getByRole("form", { name: `Agenda: ${ORTIZ}` })).toHaveCount(0);
  await reception.context().close();
});
