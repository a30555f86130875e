import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { PARIS_RECEPTION, signIn } from "./helpers";

// A recurring booking as reception makes one (weekly physiotherapy for 10 weeks), then moved
// from its 4th occurrence on. Checked for accessibility (@axe-core/playwright) on the booking
// dialog with its repeat fields and on the appointment page's move dialog. It works on
// Dr Garnier's agenda, which no other story books, so the times it picks stay free.

const WEEK = 7 * 86400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
// "09:30" → 570.
const clockMinutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

// Free clock times shared by the same weekday of ten weeks in a row, from `first` on.
async function freeEveryWeek(request: APIRequestContext, agendaId: string, reasonId: string, first: string) {
  const slotsOf = async (from: string, to: string) =>
    (
      (await (await request.get(`/api/agendas/${agendaId}/slots?from=${from}&to=${to}&visitReasonId=${reasonId}`)).json()) as {
        slots: { local: string }[];
      }
    ).slots.map((s) => s.local);
  const free = new Set([...(await slotsOf(first, addDays(first, 35))), ...(await slotsOf(addDays(first, 36), addDays(first, 63)))]);
  const clocks = [...free].filter((l) => l.startsWith(first)).map((l) => l.slice(11));
  return clocks.filter((clock) => Array.from({ length: 10 }, (_, i) => `${addDays(first, i * 7)}T${clock}`).every((l) => free.has(l)));
}

test("reception books a weekly series of 10, the patient is told once; from the 4th on it is moved, the first three stay", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, PARIS_RECEPTION);
  const lastName = `Serie${Date.now().toString(36)}`;
  const created = await page.request.post("/api/patients", {
    data: { firstName: "Léna", lastName, email: `${lastName.toLowerCase()}@example.com` },
  });
  const patientId = ((await created.json()) as { patient: { id: string } }).patient.id;
  const { agendas } = (await (await page.request.get("/api/agendas")).json()) as {
    agendas: { id: string; name: string; visitReasonIds: string[] }[];
  };
  const agenda = agendas.find((a) => a.name.startsWith("Dr Garnier"))!;
  const reasonId = agenda.visitReasonIds[0];

  // A weekday two weeks or more ahead with two times free on it for ten weeks, an hour apart.
  let first = "";
  let times: string[] = [];
  for (let d = 14; d < 24 && !times.length; d++) {
    const day = new Date(Date.now() + d * 86400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    first = day.toISOString().slice(0, 10);
    const clocks = (await freeEveryWeek(page.request, agenda.id, reasonId, first)).filter((c) => clockMinutes(c) >= 9 * 60);
    const later = (c: string) => clocks.find((o) => clockMinutes(o) >= clockMinutes(c) + 60);
    const pair = clocks.find((c) => later(c));
    if (pair) times = [pair, later(pair)!];
  }
  expect(times, "a time free on ten weeks in a row, and another an hour later").toHaveLength(2);
  const [bookAt, moveAt] = times;

  await page.goto(`/agenda?date=${first}&agendas=${agenda.id}&reason=${reasonId}&layout=list`);
  await page.locator(`[data-testid=free-slot][data-local="${first}T${bookAt}"]`).click();
  const dialog = page.getByRole("dialog", { name: /^Book / });
  await dialog.getByLabel("Find the patient").fill(lastName);
  await dialog.getByRole("button", { name: new RegExp(lastName.toUpperCase()) }).click();
  await dialog.getByLabel("Repeat").selectOption({ label: "Every week" });
  await expect(dialog.getByLabel("Number of appointments")).toHaveValue("10");
  await expectAccessible(page, "booking a weekly series");
  await dialog.getByRole("button", { name: "Book 10 appointments" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("booked")).toContainText("First of 10 appointments");

  // Ten appointments, one a week at the same clock time.
  const occurrences = async () => {
    const found: { id: string; startsAt: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const date = addDays(first, i * 7);
      const { appointments } = (await (await page.request.get(`/api/appointments?date=${date}&agendaId=${agenda.id}`)).json()) as {
        appointments: { id: string; patientId: string; startsAt: string; status: string }[];
      };
      found.push(...appointments.filter((a) => a.patientId === patientId && a.status !== "cancelled"));
    }
    return found;
  };
  const clockOf = (iso: string) => new Date(iso).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(11, 16);
  const booked = await occurrences();
  expect(booked.map((a) => clockOf(a.startsAt))).toEqual(Array(10).fill(bookAt));
  expect(Date.parse(booked[9].startsAt) - Date.parse(booked[0].startsAt)).toBeGreaterThanOrEqual(9 * WEEK - 3600_000);

  // The 4th occurrence, moved an hour later with the ones after it.
  await page.goto(`/appointments/${booked[3].id}`);
  await expect(page.getByTestId("appointment-series")).toContainText("4 of 10");
  await page.getByRole("button", { name: /^Move / }).click();
  const move = page.getByRole("dialog", { name: "Move appointment" });
  await move.getByLabel("New date and time (clinic time)").fill(`${addDays(first, 21)}T${moveAt}`);
  await move.getByLabel("This one and the 6 following ones").check();
  await expectAccessible(page, "moving an occurrence and the following ones");
  await move.getByRole("button", { name: "Move appointment" }).click();
  await expect(move).toHaveCount(0);
  await expect(page.getByTestId("appointment-series")).toContainText("4 of 10");
  const moved = await occurrences();
  expect(moved.map((a) => clockOf(a.startsAt))).toEqual([...Array(3).fill(bookAt), ...Array(7).fill(moveAt)]);

  // One confirmation naming the series, one move naming the following ones; nothing else.
  await page.goto("/dev/sinks");
  const emails = page
    .locator("[data-testid=sink-message][data-channel=email]")
    .filter({ hasText: `${lastName.toLowerCase()}@example.com` });
  const confirmed = emails.filter({ hasText: "est confirmé" });
  const movedEmail = emails.filter({ hasText: "est déplacé" });
  await expect(confirmed).toHaveCount(1, { timeout: 15_000 });
  await expect(movedEmail).toHaveCount(1, { timeout: 15_000 });
  await expect(confirmed.frameLocator("iframe").locator("body")).toContainText("C'est le premier de 10 rendez-vous");
  await expect(movedEmail.frameLocator("iframe").locator("body")).toContainText(
    "Les suivants sont déplacés de la même façon : 7 rendez-vous en tout",
  );
  await expect(emails).toHaveCount(2);
});
