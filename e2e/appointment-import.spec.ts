import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { signIn } from "./helpers";

// An admin imports the previous software's future appointments: each row through the agenda's
// rules, the refused one listed with why. Checked for accessibility (@axe-core/playwright).
// On Dr Garnier's agenda, on a weekday a week ahead, at a time the slots API says is free.

test("an admin imports future appointments: the free one is booked, the one after closing is listed with its reason", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, "admin@saint-martin.demo");
  const number = `RDV-${Date.now().toString(36)}`;
  const created = await page.request.post("/api/patients", {
    data: { firstName: "Maël", lastName: `Importrdv${number.slice(4)}`, externalId: number },
  });
  expect(created.ok()).toBe(true);
  const { agendas } = (await (await page.request.get("/api/agendas")).json()) as {
    agendas: { id: string; name: string; visitReasonIds: string[] }[];
  };
  const agenda = agendas.find((a) => a.name.startsWith("Dr Garnier"))!;
  const { visitReasons } = (await (await page.request.get("/api/visit-reasons")).json()) as {
    visitReasons: { id: string; name: string }[];
  };
  const reason = visitReasons.find((r) => r.id === agenda.visitReasonIds[0])!;
  let day = "";
  for (let d = 7; !day; d++) {
    const date = new Date(Date.now() + d * 86400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) day = date.toISOString().slice(0, 10);
  }
  const { slots } = (await (
    await page.request.get(`/api/agendas/${agenda.id}/slots?from=${day}&to=${day}&visitReasonId=${reason.id}`)
  ).json()) as {
    slots: { local: string }[];
  };
  const free = slots.find((s) => s.local >= `${day}T10:00`)!.local;
  const french = (local: string) => `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
  const csv = [
    "N° dossier;Agenda;Motif;Date;Heure",
    `${number};${agenda.name.toUpperCase()};${reason.name};${french(day)};${free.slice(11)}`,
    `${number};${agenda.name};${reason.name};${french(day)};21:00`,
  ].join("\r\n");

  await page.goto("/settings/import");
  await page.getByRole("link", { name: "Future appointments" }).click();
  await expect(page.getByRole("link", { name: "Future appointments" })).toHaveAttribute("aria-current", "page");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "rdv.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByLabel("Agenda (required)")).toHaveValue("1");
  await page.getByRole("button", { name: "Check the file (dry run)" }).click();
  const dry = page.getByTestId("dry-run");
  await expect(dry).toContainText("2 rows: 1 can be imported, 1 will be skipped.");
  await expect(dry.getByTestId("import-errors")).toContainText(`${day} 21:00 is outside this agenda's opening hours`);
  await expectAccessible(page, "settings, import of future appointments, after the dry run");
  await page.getByRole("button", { name: "Book 1 appointment" }).click();
  const status = page.getByTestId("import-status");
  await expect(status).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expect(status).toHaveText("Done: 1 booked, 0 already in the agenda, 1 skipped.");

  const { appointments } = (await (await page.request.get(`/api/appointments?date=${day}&agendaId=${agenda.id}`)).json()) as {
    appointments: { patientId: string; startsAt: string }[];
  };
  const patientId = ((await created.json()) as { patient: { id: string } }).patient.id;
  const booked = appointments.filter((a) => a.patientId === patientId);
  expect(booked).toHaveLength(1);
  expect(new Date(booked[0].startsAt).toLocaleString("sv-SE", { timeZone: "Europe/Paris" }).slice(11, 16)).toBe(free.slice(11));
});
