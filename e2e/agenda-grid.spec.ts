import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { PARIS_RECEPTION, signIn } from "./helpers";

// The agenda's time grid (react-big-calendar), driven with the mouse as a receptionist would:
// drag a block to move it, drag over a free stretch to book. The server keeps the booking rules.
// The grid and each dialog it opens are checked with axe-core (@axe-core/playwright, WCAG 2.1
// A/AA, no serious or critical violation) through expectAccessible.

// A weekday from `after` days on (the demo agendas open Monday to Friday 08:30–12:30 and
// 13:30–18:00, Saturday mornings).
function nextWeekday(after: number): string {
  for (let d = after; ; d++) {
    const day = new Date(Date.now() + d * 86400_000);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10);
  }
}

const twelveHour = (local: string) => `${((Number(local.slice(11, 13)) + 11) % 12) + 1}:${local.slice(14, 16)}`;
const minutesOf = (local: string) => Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));

async function newPatient(page: Page, firstName: string, lastName: string) {
  const response = await page.request.post("/api/patients", {
    data: { firstName, lastName, email: `${lastName.toLowerCase()}@example.com` },
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { patient: { id: string } }).patient.id;
}

// The y of a clinic time in the agenda's column: the column spans the hours the grid shows.
async function yOf(page: Page, column: Locator, local: string): Promise<number> {
  const grid = page.getByTestId("time-grid");
  const min = Number(await grid.getAttribute("data-min-minutes"));
  const max = Number(await grid.getAttribute("data-max-minutes"));
  const box = (await column.boundingBox())!;
  return box.y + ((minutesOf(local) - min) / (max - min)) * box.height;
}

// Press the block's middle (its top and bottom edges resize it), drag in small steps, release so
// that its top lands on `local`.
async function dragTo(page: Page, column: Locator, block: Locator, local: string) {
  const box = (await block.boundingBox())!;
  const x = box.x + box.width / 2;
  const grab = box.height / 2;
  await page.mouse.move(x, box.y + grab);
  await page.mouse.down();
  await page.mouse.move(x, box.y + grab + 10, { steps: 3 });
  await page.mouse.move(x, (await yOf(page, column, local)) + grab + 2, { steps: 12 });
  await page.mouse.up();
}

const patch = (page: Page) =>
  page.waitForResponse((r) => r.request().method() === "PATCH" && /\/api\/appointments\/[0-9a-f-]{36}$/.test(r.url()));

test("a receptionist moves an appointment by dragging it on the grid: the patient hears of it; into the lunch break it is refused and nothing is sent; she books by dragging over a free stretch", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // Tall enough for the agenda's whole day to be in view: no drag needs the grid to scroll.
  await page.setViewportSize({ width: 1280, height: 1500 });
  await signIn(page, PARIS_RECEPTION);
  const stamp = Date.now().toString(36);
  const moved = `Glisse${stamp}`;
  const booked = `Grille${stamp}`;
  const [movedId] = [await newPatient(page, "Inès", moved), await newPatient(page, "Hugo", booked)];
  const { agendas } = (await (await page.request.get("/api/agendas")).json()) as {
    agendas: { id: string; name: string; visitReasonIds: string[] }[];
  };
  const agenda = agendas.find((a) => a.name.startsWith("Salle de soins"))!;
  const reasonId = agenda.visitReasonIds[0];
  const day = nextWeekday(5);
  const free = async () =>
    (
      (await (await page.request.get(`/api/agendas/${agenda.id}/slots?from=${day}&to=${day}&visitReasonId=${reasonId}`)).json()) as {
        slots: { local: string }[];
      }
    ).slots.map((s) => s.local);
  // Times on the grid's quarter hours, away from the ends of each stretch.
  const quarter = (local: string) => minutesOf(local) % 15 === 0;
  const morning = (await free()).find((l) => quarter(l) && minutesOf(l) >= 9 * 60 && minutesOf(l) < 11 * 60)!;
  const booking = await page.request.post("/api/appointments", {
    data: { agendaId: agenda.id, visitReasonId: reasonId, patientId: movedId, startsAt: morning, sameDayConfirmed: true },
  });
  expect(booking.ok()).toBe(true);
  const slotsNow = await free();
  // Three afternoon times, each at least 45 minutes after the one before: a move, a booking, a block.
  const afternoon = slotsNow.filter((l) => quarter(l) && minutesOf(l) >= 13 * 60 + 45 && minutesOf(l) <= 17 * 60 + 30);
  const moveTo = afternoon[0];
  const bookAt = afternoon.find((l) => minutesOf(l) >= minutesOf(moveTo) + 45)!;
  const blockAt = afternoon.find((l) => minutesOf(l) >= minutesOf(bookAt) + 45)!;
  expect([moveTo, bookAt, blockAt].every(Boolean), "three free afternoon times on the agenda").toBe(true);

  await page.goto(`/agenda?date=${day}&agendas=${agenda.id}&reason=${reasonId}`);
  await expect(page.getByTestId("time-grid")).toBeVisible();
  await expectAccessible(page, "the agenda's time grid");
  const column = page.locator(".rbc-time-content .rbc-day-slot").first();
  const block = page.locator(".rbc-event", { has: page.getByTestId("grid-appointment").filter({ hasText: moved.toUpperCase() }) });
  await expect(block).toContainText(twelveHour(morning));

  // Into the lunch break (12:30–13:30): refused with the reason, the block back where it was.
  const refused = patch(page);
  await dragTo(page, column, block, `${day}T12:45`);
  expect((await refused).status()).toBe(400);
  await expect(page.getByTestId("grid-refusal")).toContainText("outside this agenda's opening hours");
  await expect(page.getByTestId("grid-refusal")).toContainText("Nothing was sent to the patient");
  await expect(block).toContainText(twelveHour(morning));
  await expectAccessible(page, "the time grid, a move refused");

  // To a free afternoon time: moved, and the grid shows it there.
  const accepted = patch(page);
  await dragTo(page, column, block, moveTo);
  expect((await accepted).status()).toBe(200);
  await expect(page.getByTestId("grid-refusal")).toHaveCount(0);
  await expect(block).toContainText(twelveHour(moveTo));
  const { appointments } = (await (await page.request.get(`/api/appointments?date=${day}&agendaId=${agenda.id}`)).json()) as {
    appointments: { patientId: string; startsAt: string; status: string }[];
  };
  const stored = appointments.find((a) => a.patientId === movedId && a.status !== "cancelled")!;
  expect(new Date(stored.startsAt).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(11, 16)).toBe(moveTo.slice(11, 16));

  // Drag over a free stretch: the booking dialog opens at that time; she books Hugo there.
  const top = await yOf(page, column, bookAt);
  const x = (await column.boundingBox())!.x + 40;
  await page.mouse.move(x, top + 4);
  await page.mouse.down();
  await page.mouse.move(x, top + 20, { steps: 4 });
  await page.mouse.up();
  const chooser = page.getByRole("dialog", { name: new RegExp(`^${twelveHour(bookAt)} PM – `) });
  await expect(chooser).toBeVisible();
  await expectAccessible(page, "a stretch picked on the grid");
  await chooser.getByRole("button", { name: "Book a patient here" }).click();
  const dialog = page.getByRole("dialog", { name: `Book ${twelveHour(bookAt)} PM` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "booking from the time grid");
  await dialog.getByLabel("Find the patient").fill(booked);
  await dialog.getByRole("button", { name: new RegExp(booked.toUpperCase()) }).click();
  await dialog.getByRole("button", { name: "Book" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("booked")).toContainText(`Hugo ${booked}`);
  await expect(page.getByTestId("grid-appointment").filter({ hasText: booked.toUpperCase() })).toContainText(twelveHour(bookAt));

  // A click on a free quarter hour blocks it for a meeting: shaded with its reason, no longer
  // offered, and the appointment cannot be dragged into it; given back, it is offered again.
  const blockTop = await yOf(page, column, blockAt);
  await page.mouse.click(x, blockTop + 8);
  const blockChooser = page.getByRole("dialog", { name: new RegExp(`^${twelveHour(blockAt)} PM – `) });
  await blockChooser.getByLabel("Or block this time for").fill("Réunion d’équipe");
  await blockChooser.getByRole("button", { name: "Block this time" }).click();
  await expect(blockChooser).toHaveCount(0);
  const blockedPeriod = page.locator(".agenda-blocked", { hasText: "Blocked: Réunion d’équipe" });
  await expect(blockedPeriod).toBeVisible();
  expect(await free()).not.toContain(blockAt);
  const intoBlock = patch(page);
  await dragTo(page, column, block, blockAt);
  expect((await intoBlock).status()).toBe(400);
  await expect(page.getByTestId("grid-refusal")).toContainText("that time is blocked on this agenda");
  await expect(block).toContainText(twelveHour(moveTo));
  await blockedPeriod.click();
  const blockedDialog = page.getByRole("dialog", { name: /^Blocked / });
  await expectAccessible(page, "a blocked period opened on the grid");
  await blockedDialog.getByRole("button", { name: "Give the time back" }).click();
  await expect(blockedPeriod).toHaveCount(0);
  expect(await free()).toContain(blockAt);

  // The patient was told of the move once, by email (no WhatsApp opt-in), and of nothing else.
  await page.goto("/dev/sinks");
  const emails = page.locator("[data-testid=sink-message][data-channel=email]").filter({ hasText: `${moved.toLowerCase()}@example.com` });
  await expect(emails.filter({ hasText: "est déplacé" })).toHaveCount(1, { timeout: 15_000 });
});
