import { expect, test, type Page } from "@playwright/test";
// Every page and open dialog of these stories is checked with axe-core (@axe-core/playwright,
// WCAG 2.1 A/AA, no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { PARIS_DOCTOR, PARIS_RECEPTION, signedInPage, signIn } from "./helpers";

// The next day, from tomorrow on, that the demo agendas are open (Monday to Saturday).
function nextOpenDay(after = 1): string {
  for (let d = after; ; d++) {
    const day = new Date(Date.now() + d * 86400_000);
    if (day.getUTCDay() !== 0) return day.toISOString().slice(0, 10);
  }
}

// How an English page shows a clinic time ("2026-12-03T09:30" → "9:30").
const twelveHour = (local: string) => `${((Number(local.slice(11, 13)) + 11) % 12) + 1}:${local.slice(14, 16)}`;

async function lefevreAgenda(page: Page): Promise<string> {
  const { agendas } = (await (await page.request.get("/api/agendas")).json()) as { agendas: { id: string; name: string }[] };
  return agendas.find((a) => a.name.startsWith("Dr Lefèvre"))!.id;
}

test("a receptionist creates a patient, books them into a free slot on Dr Lefèvre's agenda and moves the appointment; the patient hears both", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, PARIS_RECEPTION);
  await page.goto("/patients");
  await page.getByRole("link", { name: "New patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New patient" })).toBeVisible();
  await expectAccessible(page, "new patient form");

  // Bad input first: a landline in the mobile field is named, with the field marked.
  const mobile = page.getByLabel("Mobile phone");
  await page.getByLabel("First name").fill("Camille");
  const lastName = `Essai${Date.now().toString(36)}`;
  await page.getByLabel("Last name").fill(lastName);
  await mobile.fill("01 42 68 53 00");
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(mobile).toHaveAttribute("aria-invalid", "true");
  await expect(mobile).toHaveAccessibleDescription(/not a mobile number/);
  await expectAccessible(page, "new patient form, with an error");

  const email = `${lastName.toLowerCase()}@example.com`;
  await mobile.fill("06 12 34 56 78");
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Camille ${lastName.toUpperCase()}`);
  await expect(page.getByTestId("patient-phone")).toHaveText("06 12 34 56 78");
  const patientId = new URL(page.url()).pathname.split("/").pop()!;
  const { patient } = await (await page.request.get(`/api/patients/${patientId}`)).json();
  expect(patient).toMatchObject({ phone: "+33612345678", email, notificationsEnabled: true, language: "fr" });
  await expectAccessible(page, "the new patient's record");

  // Book from the record: the agenda opens with the patient already chosen.
  await page.getByRole("link", { name: "Book" }).click();
  await expect(page.getByTestId("booking-for")).toContainText(`Camille ${lastName}`);
  const agendaId = await lefevreAgenda(page);
  const day = nextOpenDay(2);
  await page.goto(`/agenda?date=${day}&agendas=${agendaId}&patient=${patientId}`);
  const column = page.locator(`[data-testid=agenda-column][data-agenda="${agendaId}"]`);
  const slot = column.getByTestId("free-slot").first();
  await expect(slot).toBeVisible();
  await expectAccessible(page, "agenda of Dr Lefèvre");
  const startsAt = await slot.getAttribute("data-local");
  await slot.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("booking-patient")).toContainText(`Camille ${lastName}`);
  await expectAccessible(page, "booking dialog");
  await dialog.getByRole("button", { name: "Book" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("announcer")).toContainText("Booked at");
  const booked = column.getByTestId("agenda-appointment").filter({ hasText: lastName.toUpperCase() });
  await expect(booked).toBeVisible();
  const reference = await booked.getAttribute("data-reference");
  // Said on the page, with the reference and a link to the appointment; "booking for" ends.
  const confirmation = page.getByTestId("booked");
  await expect(confirmation).toContainText(`Camille ${lastName}`);
  await expect(confirmation).toContainText(`Reference ${reference}`);
  await expect(confirmation.getByRole("link", { name: "Open the appointment" })).toHaveAttribute("href", /^\/appointments\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("booking-for")).toHaveCount(0);
  await expectAccessible(page, "agenda, just booked");
  // The slot is gone from the free ones.
  await expect(column.locator(`[data-testid=free-slot][data-local="${startsAt}"]`)).toHaveCount(0);
  // The record lists the appointment's reminders: 24 h, 2 h and 30 min before, waiting.
  await page.goto(`/patients/${patientId}`);
  const reminders = page.locator(
    `[data-testid=patient-appointment][data-reference="${reference}"] [data-testid=scheduled-notifications] li`,
  );
  await expect(reminders).toHaveCount(3);
  await expect(reminders.first()).toContainText("Reminder 24 h before · goes out");
  await expectAccessible(page, "patient record with scheduled notifications");

  // The patient's confirmation, by email (no WhatsApp opt-in yet), on the local sinks.
  await page.goto("/dev/sinks");
  // The email's body is a sandboxed preview; its recipient and subject are on the page.
  const emails = page.locator("[data-testid=sink-message][data-channel=email]").filter({ hasText: email });
  await expect(emails.filter({ hasText: "est confirmé" })).toBeVisible({ timeout: 15_000 });
  expect(reference).toMatch(/^SA-[A-Z0-9]{6}$/);

  // Moved to a free time of the next open day: the patient hears of the new time.
  const moveTo = nextOpenDay(3);
  const { agendas } = await (await page.request.get("/api/agendas")).json();
  const reasonId = agendas.find((a: { id: string }) => a.id === agendaId).visitReasonIds[0];
  const { slots } = await (
    await page.request.get(`/api/agendas/${agendaId}/slots?from=${moveTo}&to=${moveTo}&visitReasonId=${reasonId}`)
  ).json();
  const target = slots[0].local as string;
  await page.goto(`/agenda?layout=list&date=${day}&agendas=${agendaId}`);
  await booked.getByRole("button", { name: /^Move / }).click();
  const move = page.getByRole("dialog", { name: "Move appointment" });
  // Picked among the agenda's free slots of that day: the time field follows.
  await move.getByLabel("Day", { exact: true }).fill(moveTo);
  await move.locator(`[data-testid=move-slots] [data-local="${target}"]`).click();
  await expect(move.getByLabel("New date and time (clinic time)")).toHaveValue(target);
  await expectAccessible(page, "move dialog with the free slots");
  await move.getByRole("button", { name: "Move appointment" }).click();
  await expect(move).toHaveCount(0);
  await page.goto(`/agenda?layout=list&date=${moveTo}&agendas=${agendaId}`);
  await expect(column.getByTestId("agenda-appointment").filter({ hasText: lastName.toUpperCase() })).toContainText(twelveHour(target));
  await page.goto("/dev/sinks");
  await expect(emails.filter({ hasText: "est déplacé" })).toBeVisible({ timeout: 15_000 });
});

test("two receptionists book the same slot at once: one appointment, and the other is told and sees the view refreshed", async ({
  browser,
  page,
}) => {
  await signIn(page, PARIS_RECEPTION);
  const agendaId = await lefevreAgenda(page);
  const day = nextOpenDay(4);
  const { patients } = await (await page.request.get("/api/patients?limit=2")).json();
  const { agendas } = await (await page.request.get("/api/agendas")).json();
  const reasonId = agendas.find((a: { id: string }) => a.id === agendaId).visitReasonIds[0];
  const { slots } = await (await page.request.get(`/api/agendas/${agendaId}/slots?from=${day}&to=${day}&visitReasonId=${reasonId}`)).json();
  const slot = slots[slots.length - 1].local as string;
  const both = await Promise.all(
    patients.map((p: { id: string }) =>
      page.request.post("/api/appointments", { data: { agendaId, visitReasonId: reasonId, patientId: p.id, startsAt: slot } }),
    ),
  );
  expect(both.map((r) => r.status()).sort()).toEqual([200, 409]);
  const refused = both.find((r) => r.status() === 409)!;
  expect((await refused.json()).error.code).toBe("slot_taken");

  // In the browser: a slot offered a moment ago, taken by someone else before she books it.
  const second = await browser.newPage();
  await signIn(second, "admin@saint-martin.demo");
  await second.goto(`/agenda?date=${day}&agendas=${agendaId}&reason=${reasonId}&patient=${patients[0].id}`);
  const first = second.getByTestId("free-slot").first();
  const local = (await first.getAttribute("data-local"))!;
  await first.click();
  expect(
    (
      await page.request.post("/api/appointments", {
        // patients[1] may have won the race above, that same day: a second visit, knowingly.
        data: { agendaId, visitReasonId: reasonId, patientId: patients[1].id, startsAt: local, sameDayConfirmed: true },
      })
    ).status(),
  ).toBe(200);
  await second.getByRole("dialog").getByRole("button", { name: "Book" }).click();
  await expect(second.getByRole("dialog").getByRole("alert")).toContainText("just booked by someone else");
  await expectAccessible(second, "booking dialog, slot just taken");
  await second.keyboard.press("Escape");
  await expect(second.locator(`[data-testid=free-slot][data-local="${local}"]`)).toHaveCount(0);
  await second.context().close();
});

test("an admin closes Dr Lefèvre's agenda for a day: its free slots leave the agenda view; reopened, they return", async ({ page }) => {
  await signIn(page, "admin@saint-martin.demo");
  const agendaId = await lefevreAgenda(page);
  const day = nextOpenDay(9);
  await page.goto(`/agenda?layout=list&date=${day}&agendas=${agendaId}`);
  await expect(page.getByTestId("free-slot").first()).toBeVisible();

  await page.goto("/settings/agendas");
  await expectAccessible(page, "settings, agendas");
  const form = page.getByRole("form", { name: "Add a closure" });
  await form.getByLabel("Agenda").selectOption(agendaId);
  await form.getByLabel("First day").fill(day);
  await form.getByLabel("Reason (optional)").fill("Congrès");
  await form.getByRole("button", { name: "Add a closure" }).click();
  const closure = page.getByTestId("closure").filter({ hasText: "Congrès" });
  await expect(closure).toContainText("Dr Lefèvre");

  await page.goto(`/agenda?layout=list&date=${day}&agendas=${agendaId}`);
  await expect(page.getByTestId("agenda-column")).toBeVisible();
  await expect(page.getByTestId("free-slot")).toHaveCount(0);

  // The week of that agenda shows the day closed too, beside open days.
  await page.goto(`/agenda?layout=list&view=week&date=${day}&agendas=${agendaId}`);
  await expect(page.getByTestId("agenda-column")).toHaveCount(7);
  await expect(page.locator(`[data-testid=agenda-column][data-date="${day}"] [data-testid=free-slot]`)).toHaveCount(0);
  await expect(page.getByTestId("free-slot").first()).toBeVisible();
  await expectAccessible(page, "agenda, week view");

  await page.goto("/settings/agendas");
  await closure.getByRole("button", { name: /^Remove the closure/ }).click();
  await expect(closure).toHaveCount(0);
  await page.goto(`/agenda?layout=list&date=${day}&agendas=${agendaId}`);
  await expect(page.getByTestId("free-slot").first()).toBeVisible();
});

test("an admin changes an agenda's week: a new afternoon shows its slots, a refused stretch is named", async ({ page }) => {
  await signIn(page, "admin@saint-martin.demo");
  await page.goto("/settings/agendas");
  const card = page.getByTestId("agenda-settings").filter({ hasText: "Salle de soins" });
  const week = card.getByRole("form", { name: /^Opening hours of/ });
  await week.getByRole("button", { name: "Add hours on Sunday" }).click();
  await week.getByLabel("Sunday: opens at").fill("10:00");
  await week.getByLabel("Sunday: closes at").fill("09:00");
  await week.getByRole("button", { name: "Save opening hours" }).click();
  await expect(week.getByRole("alert")).toContainText("must be after the opening time");
  await expectAccessible(page, "settings, agendas, a refused week");
  await week.getByLabel("Sunday: closes at").fill("12:00");
  await week.getByRole("button", { name: "Save opening hours" }).click();
  await expect(week.getByRole("status")).toHaveText("Saved.");

  const agendaId = await card.getAttribute("data-agenda");
  let sunday = nextOpenDay(1);
  while (new Date(`${sunday}T12:00:00Z`).getUTCDay() !== 0)
    sunday = new Date(Date.parse(`${sunday}T12:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  await page.goto(`/agenda?layout=list&date=${sunday}&agendas=${agendaId}`);
  await expect(page.getByTestId("free-slot").first()).toContainText("10:00");
  await page.goto("/settings/visit-reasons");
  await expectAccessible(page, "settings, visit reasons");
  await expect(page.getByTestId("visit-reason").first()).toBeVisible();
});

test("an admin adds a visit reason offered on one agenda only: the other agendas do not offer it", async ({ page }) => {
  await signIn(page, "admin@saint-martin.demo");
  await page.goto("/settings/visit-reasons");
  const form = page.getByRole("form", { name: "New visit reason" });
  const name = `ECG ${Date.now().toString(36)}`;
  await form.getByLabel("New visit reason").fill(name);
  await form.getByLabel("Minutes").fill("30");
  // The choice is there when it is created, and nothing is ticked for the admin.
  const offered = form.getByRole("group", { name: "Offered on" });
  await expect(offered.getByRole("checkbox").first()).toBeVisible();
  await expect(offered.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await offered.getByRole("checkbox", { name: /^Dr Lefèvre/ }).check();
  await expectAccessible(page, "settings, a new visit reason");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByRole("status")).toHaveText("Added.");

  const { visitReasons } = (await (await page.request.get("/api/visit-reasons")).json()) as {
    visitReasons: { id: string; name: string }[];
  };
  const ecg = visitReasons.find((r) => r.name === name)!;
  const { agendas } = (await (await page.request.get("/api/agendas")).json()) as {
    agendas: { id: string; name: string; visitReasonIds: string[] }[];
  };
  expect(agendas.filter((a) => a.visitReasonIds.includes(ecg.id)).map((a) => a.id)).toEqual([await lefevreAgenda(page)]);
});

test("a doctor opens the agenda on his own; the others are one click away; each agenda names its practitioner", async ({ page }) => {
  await signIn(page, PARIS_DOCTOR);
  await page.goto("/agenda?layout=list");
  const columns = page.getByTestId("agenda-column");
  await expect(columns).toHaveCount(1);
  await expect(columns.getByRole("heading")).toHaveText(/^Dr Lefèvre/);
  await expectAccessible(page, "agenda, a doctor's own");
  await page.getByRole("link", { name: "All agendas" }).click();
  await expect(page).toHaveURL(/agendas=all/);
  await expect(columns.filter({ hasText: "Dr Garnier" })).toHaveCount(1);

  // In Settings, the admin sees whose each agenda is; the nurses' room belongs to no one.
  await signIn(page, "admin@saint-martin.demo");
  await page.goto("/settings/agendas");
  const lefevre = page.getByTestId("agenda-settings").filter({ hasText: "Dr Lefèvre" });
  await expect(lefevre.getByLabel("Practitioner")).toHaveValue(/.+/);
  await expect(lefevre.getByLabel("Practitioner").locator("option:checked")).toHaveText("Dr Antoine Lefèvre");
  const room = page.getByTestId("agenda-settings").filter({ hasText: "Salle de soins" });
  await expect(room.getByLabel("Practitioner").locator("option:checked")).toHaveText("No one (a room)");
});

// The clinic's wall clock ("2026-12-03T14:05") for an instant, in Paris.
const parisLocal = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" }).format(at).replace(" ", "T");

test("the desk walks a patient through the day on the agenda: arrived, with the doctor, seen, each click on the other's screen at once", async ({
  page,
  browser,
}) => {
  await signIn(page, PARIS_RECEPTION);
  const agendaId = await lefevreAgenda(page);
  const { agendas } = await (await page.request.get("/api/agendas")).json();
  const reasonId = agendas.find((a: { id: string }) => a.id === agendaId).visitReasonIds[0];
  const run = Date.now().toString(36);
  const created = await page.request.post("/api/patients", { data: { firstName: "Inès", lastName: `Accueil${run}` } });
  const patientId = (await created.json()).patient.id as string;
  // Booked on an open day, then moved to a stretch of today that is free on the agenda (in the
  // evening it is closed, so the desk moves it knowingly, with a reason).
  const day = nextOpenDay(1);
  const { slots } = await (await page.request.get(`/api/agendas/${agendaId}/slots?from=${day}&to=${day}&visitReasonId=${reasonId}`)).json();
  const booked = await page.request.post("/api/appointments", {
    data: { agendaId, visitReasonId: reasonId, patientId, startsAt: slots[0].local },
  });
  const { appointment } = await booked.json();
  const today = parisLocal(new Date()).slice(0, 10);
  const { appointments: todays } = await (await page.request.get(`/api/appointments?date=${today}&agendaId=${agendaId}`)).json();
  const length = Date.parse(appointment.endsAt) - Date.parse(appointment.startsAt);
  let start = Math.ceil((Date.now() + 3 * 60_000) / 60_000) * 60_000;
  for (const other of todays as { startsAt: string; endsAt: string }[])
    if (start < Date.parse(other.endsAt) && Date.parse(other.startsAt) < start + length) start = Math.max(start, Date.parse(other.endsAt));
  test.skip(parisLocal(new Date(start)).slice(0, 10) !== today, "no free stretch left today on the agenda (just before midnight in Paris)");
  const moved = await page.request.patch(`/api/appointments/${appointment.id}`, {
    data: { action: "reschedule", startsAt: parisLocal(new Date(start)), outsideHoursReason: "Seen at the end of the day" },
  });
  expect(moved.status()).toBe(200);

  const doctor = await signedInPage(browser, PARIS_DOCTOR);
  await doctor.goto("/agenda?layout=list");
  await page.goto(`/agenda?layout=list&agendas=${agendaId}`);
  const row = (p: typeof page) => p.locator(`[data-testid=agenda-appointment][data-reference="${appointment.bookingReference}"]`);
  const patient = `Inès ACCUEIL${run.toUpperCase()}`;
  await expect(row(doctor).locator("[data-status]")).toHaveAttribute("data-status", "confirmed");

  await row(page)
    .getByRole("button", { name: `${patient} has arrived` })
    .click();
  await expect(row(page).locator("[data-status]")).toHaveAttribute("data-status", "in_waiting_room");
  // The doctor's screen follows without a reload: in the waiting room, since when.
  await expect(row(doctor).locator("[data-status]")).toHaveAttribute("data-status", "in_waiting_room");
  await expect(row(doctor).getByTestId("status-since")).toHaveText(/^waiting since \d/);
  await expectAccessible(doctor, "agenda, the doctor's day with a patient waiting");

  await row(doctor)
    .getByRole("button", { name: `${patient} is with the doctor` })
    .click();
  await expect(row(page).locator("[data-status]")).toHaveAttribute("data-status", "with_doctor");
  await row(doctor)
    .getByRole("button", { name: `${patient} was seen` })
    .click();
  await expect(row(page).locator("[data-status]")).toHaveAttribute("data-status", "seen");
  await expect(row(page).getByTestId("desk-step")).toHaveCount(0);
  const { appointments: after } = await (await page.request.get(`/api/appointments?date=${today}&agendaId=${agendaId}`)).json();
  expect(after.find((a: { id: string }) => a.id === appointment.id).status).toBe("seen");
  await doctor.context().close();
});

test("an admin imports a 50-row CSV from the previous software: 47 patients in, the 3 bad rows listed with their reasons", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "admin@saint-martin.demo");
  const run = Date.now().toString(36);
  const lines = ["N° dossier;Nom;Prénom;Date de naissance;Portable;Email"];
  for (let i = 1; i <= 50; i++) {
    const bad = i === 10 ? "lastName" : i === 20 ? "phone" : i === 30 ? "date" : null;
    lines.push(
      [
        `IMP-${run}-${i}`,
        bad === "lastName" ? "" : `Importé${i}`,
        "Léa",
        bad === "date" ? "31/02/1985" : "14/07/1985",
        bad === "phone" ? "12 34" : `06 12 34 ${String(i).padStart(2, "0")} ${String(i).padStart(2, "0")}`,
        "",
      ].join(";"),
    );
  }
  // Windows-1252, as many French practice systems still export.
  const bytes = Buffer.from(lines.join("\r\n"), "latin1");

  await page.goto("/settings/import");
  await expectAccessible(page, "settings, import");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "patients.csv", mimeType: "text/csv", buffer: bytes });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByTestId("import-detected")).toContainText("WINDOWS-1252");
  await expect(page.getByTestId("import-preview")).toContainText("Importé1");
  await expect(page.getByLabel("Patient number (required)")).toHaveValue("0");
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  const dry = page.getByTestId("dry-run");
  await expect(dry).toContainText("50 rows: 47 can be imported, 3 will be skipped.");
  const errors = dry.getByTestId("import-errors");
  await expect(errors.locator("tbody tr")).toHaveCount(3);
  // Each reason in words, beside the row as the file has it.
  await expect(errors.getByRole("row").filter({ hasText: "the last name is missing" })).toContainText(`IMP-${run}-10; ; Léa`);
  await expect(errors).toContainText('mobile "12 34" is not a phone number');
  await expect(errors).toContainText('date of birth "31/02/1985" does not exist');
  await expectAccessible(page, "settings, import, after the dry run");

  await page.getByRole("button", { name: "Import 47 patients" }).click();
  const status = page.getByTestId("import-status");
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(status).toHaveText("Done: 47 new patients, 0 updated, 3 rows skipped.");
  const report = await page.request.get((await page.getByRole("link", { name: "Download the skipped rows (CSV)" }).getAttribute("href"))!);
  expect(
    (await report.text())
      .split("\r\n")
      .filter(Boolean)
      .map((l) => l.split(";")[0]),
  ).toEqual(["\ufeffline", "11", "21", "31"]);
  const { patients } = await (await page.request.get(`/api/patients?q=${encodeURIComponent("Importé12")}`)).json();
  expect(patients[0]).toMatchObject({ firstName: "Léa", lastName: "Importé12" });
});

test("a receptionist creating a patient who already has a record is shown the match, opens it, or creates the other person with a reason", async ({
  page,
}) => {
  await signIn(page, PARIS_RECEPTION);
  const run = Date.now().toString(36);
  const lastName = `Cœurderoy${run}`;
  const mobile = `06 ${String(Date.now())
    .slice(-8)
    .replace(/(\d\d)(?=\d)/g, "$1 ")}`;
  const existing = await page.request.post("/api/patients", {
    data: { firstName: "Hélène", lastName, dateOfBirth: "1980-03-14", phone: mobile },
  });
  expect(existing.status()).toBe(200);
  const existingId = (await existing.json()).patient.id as string;

  // Typed as reception types it: no accents, no ligature.
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill("Helene");
  await page.getByLabel("Last name").fill(`Coeurderoy${run}`);
  await page.getByLabel("Date of birth").fill("1980-03-14");
  await page.getByRole("button", { name: "Create patient" }).click();
  const panel = page.getByRole("region", { name: "This patient may already have a record" });
  await expect(panel.getByRole("heading", { name: "This patient may already have a record" })).toBeFocused();
  const match = panel.getByRole("list", { name: "Existing records" }).getByRole("listitem");
  await expect(match).toHaveCount(1);
  await expect(match).toContainText(`Hélène ${lastName}`);
  await expect(match).toContainText("born March 14, 1980");
  await expect(match).toContainText("Same name and date of birth");
  await expectAccessible(page, "new patient form, with a possible duplicate");

  // Another person: the reason is asked for before anything is created.
  await page.getByLabel("First name").fill("Léo");
  await page.getByLabel("Date of birth").fill("2015-06-01");
  await page.getByLabel("Mobile phone").fill(mobile);
  await page.getByRole("button", { name: "Create patient" }).click();
  await expect(match).toContainText("Same mobile");
  await panel.getByRole("button", { name: "Create anyway" }).click();
  await expect(panel.getByLabel("Or, if this is another person, say why")).toHaveAccessibleDescription(/Say why this is another person/);
  await panel.getByLabel("Or, if this is another person, say why").fill("Her son, who shares her mobile");
  await panel.getByRole("button", { name: "Create anyway" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Léo COEURDEROY${run.toUpperCase()}`);

  // The same person again: reception opens the existing record instead.
  await page.goto("/patients/new");
  await page.getByLabel("First name").fill("Hélène");
  await page.getByLabel("Last name").fill(lastName);
  await page.getByLabel("Date of birth").fill("1980-03-14");
  await page.getByRole("button", { name: "Create patient" }).click();
  await panel.getByRole("link", { name: `Open Hélène ${lastName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${existingId}$`));

  // Booking a new patient from a free slot: the mobile is known, so the dialog offers her.
  const agendaId = await lefevreAgenda(page);
  await page.goto(`/agenda?layout=list&date=${nextOpenDay(4)}&agendas=${agendaId}`);
  await page.locator(`[data-testid=agenda-column][data-agenda="${agendaId}"]`).getByTestId("free-slot").first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create a new patient" }).click();
  await dialog.getByLabel("First name").fill("H.");
  await dialog.getByLabel("Last name").fill(lastName);
  await dialog.getByLabel("Mobile phone").fill(mobile);
  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  await dialog.getByRole("button", { name: `Book for Hélène ${lastName}` }).click();
  await expect(dialog.getByTestId("booking-patient")).toContainText(`Hélène ${lastName}`);
  await expectAccessible(page, "booking dialog, the known patient chosen");
});

test("a receptionist merges a duplicate record: its appointment moves to the record kept, and the duplicate says where it went", async ({
  page,
}) => {
  await signIn(page, PARIS_RECEPTION);
  const name = `Doublon${Date.now().toString(36)}`;
  const create = async (firstName: string, extra: Record<string, string>) =>
    (await (await page.request.post("/api/patients", { data: { firstName, lastName: name, ...extra } })).json()).patient.id as string;
  const kept = await create("Marie", { email: `${name.toLowerCase()}@example.com` });
  const duplicate = await create("Marie-Anne", { phone: "06 98 76 54 32" });
  const agendaId = await lefevreAgenda(page);
  const day = nextOpenDay(5);
  const { agendas } = await (await page.request.get("/api/agendas")).json();
  const reasonId = agendas.find((a: { id: string }) => a.id === agendaId).visitReasonIds[0];
  const { slots } = await (await page.request.get(`/api/agendas/${agendaId}/slots?from=${day}&to=${day}&visitReasonId=${reasonId}`)).json();
  const booked = await page.request.post("/api/appointments", {
    data: { agendaId, visitReasonId: reasonId, patientId: duplicate, startsAt: slots[1].local },
  });
  const reference = (await booked.json()).appointment.bookingReference;
  // The same patient again that day: a warning, and nothing booked until reception confirms.
  const twice = await page.request.post("/api/appointments", {
    data: { agendaId, visitReasonId: reasonId, patientId: duplicate, startsAt: slots[3].local },
  });
  expect(twice.status()).toBe(409);
  expect((await twice.json()).error.code).toBe("same_day_booking");

  await page.goto(`/patients/${kept}/edit`);
  await page.getByLabel("Find the duplicate").fill(name);
  const hit = page.getByRole("list", { name: "Possible duplicates" }).getByRole("listitem").filter({ hasText: "Marie-Anne" });
  await hit.getByRole("button", { name: "Merge into this record" }).click();
  await expect(page.getByRole("dialog", { name: "Merge these records?" })).toBeVisible();
  await expectAccessible(page, "merge dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Merge" }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${kept}$`));
  await expect(page.locator(`[data-testid=patient-appointment][data-reference="${reference}"]`)).toBeVisible();
  await expect(page.getByTestId("patient-phone")).toHaveText("06 98 76 54 32");

  await page.goto(`/patients/${duplicate}`);
  await expect(page.getByTestId("merged-notice")).toBeVisible();
  await expect(page.getByTestId("patient-inactive")).toBeVisible();
  await expectAccessible(page, "a merged record");
});

test("a receptionist approves a child's profile waiting in a parent's portal account", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  const { patients } = (await (await page.request.get("/api/patients?limit=100")).json()) as { patients: { id: string }[] };
  let waiting: { id: string; accountName: string } | null = null;
  for (const p of patients) {
    const { household } = await (await page.request.get(`/api/patients/${p.id}`)).json();
    const link = household.find((h: { approved: boolean }) => !h.approved);
    if (link) {
      waiting = { id: p.id, accountName: link.accountName };
      break;
    }
  }
  expect(waiting, "a demo profile waiting for approval").toBeTruthy();
  await page.goto(`/patients/${waiting!.id}`);
  await expect(page.getByText("awaiting approval", { exact: false })).toBeVisible();
  await expectAccessible(page, "patient record with a link to approve");
  await page.getByRole("button", { name: `Approve ${waiting!.accountName}'s access` }).click();
  await expect(page.getByRole("button", { name: `Approve ${waiting!.accountName}'s access` })).toHaveCount(0);
  const { household } = await (await page.request.get(`/api/patients/${waiting!.id}`)).json();
  expect(household.every((h: { approved: boolean }) => h.approved)).toBe(true);
});
