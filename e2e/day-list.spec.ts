import { expect, test } from "@playwright/test";
// The legacy build runs in Node without a worker of its own.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expectAccessible } from "./a11y";
import { PARIS_RECEPTION, signIn } from "./helpers";

// The printable day list of an agenda: the page, checked for accessibility (@axe-core/playwright)
// and at 320 px, then printed by the browser to a PDF whose text is read back for the rows.
// On Dr Garnier's agenda, a few days ahead, at times the slots API says are free.

function weekdayAfter(days: number): string {
  for (let d = days; ; d++) {
    const day = new Date(Date.now() + d * 86400_000);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) return day.toISOString().slice(0, 10);
  }
}

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return { pages: document.numPages, text: texts.join("\n") };
}

test("the day list prints the agenda's day: time, patient, visit reason, phone, note and the time blocked", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, PARIS_RECEPTION);
  const lastName = `Liste${Date.now().toString(36)}`;
  const created = await page.request.post("/api/patients", { data: { firstName: "Anouk", lastName, phone: "06 12 98 76 54" } });
  expect(created.ok()).toBe(true);
  const patientId = ((await created.json()) as { patient: { id: string } }).patient.id;
  const { agendas } = (await (await page.request.get("/api/agendas")).json()) as {
    agendas: { id: string; name: string; visitReasonIds: string[] }[];
  };
  const agenda = agendas.find((a) => a.name.startsWith("Dr Garnier"))!;
  const reasonId = agenda.visitReasonIds[0];
  const day = weekdayAfter(3);
  const { slots } = (await (
    await page.request.get(`/api/agendas/${agenda.id}/slots?from=${day}&to=${day}&visitReasonId=${reasonId}`)
  ).json()) as {
    slots: { local: string }[];
  };
  const at = slots.find((s) => s.local >= `${day}T09:00`)!.local;
  const booked = await page.request.post("/api/appointments", {
    data: {
      agendaId: agenda.id,
      visitReasonId: reasonId,
      patientId,
      startsAt: at,
      notes: "Apporter le carnet de santé",
      sameDayConfirmed: true,
    },
  });
  expect(booked.ok()).toBe(true);
  // A quarter hour from a free afternoon slot (a slot is free for at least its visit reason's length).
  const lateSlot = slots.filter((s) => s.local >= `${day}T16:00`).at(-1)!.local;
  const quarterAfter = new Date(Date.parse(`${lateSlot}:00Z`) + 15 * 60_000).toISOString().slice(0, 16);
  const blocked = await page.request.post(`/api/agendas/${agenda.id}/blocks`, {
    data: { startsAt: lateSlot, endsAt: quarterAfter, reason: `Réunion ${lastName}` },
  });
  expect(blocked.ok()).toBe(true);

  await page.goto(`/agenda?date=${day}&agendas=${agenda.id}&layout=list`);
  await page.getByRole("link", { name: "Print the day list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Day list — / })).toBeVisible();
  const row = page.getByTestId("day-list-row").filter({ hasText: lastName.toUpperCase() });
  await expect(row).toContainText("Apporter le carnet de santé");
  await expect(row).toContainText("06 12 98 76 54");
  await expect(page.getByTestId("day-list-blocked").filter({ hasText: `Réunion ${lastName}` })).toBeVisible();
  await expectAccessible(page, "the day list");

  await page.setViewportSize({ width: 320, height: 640 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "the day list at 320 px: no sideways scroll of the page").toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page, "the day list at 320 px");

  // On paper: the rows, without the app's navigation or its buttons.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: "print" });
  const { pages, text } = await pdfText(await page.pdf({ format: "A4", printBackground: true }));
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(text).toContain(lastName.toUpperCase());
  expect(text).toContain("Apporter le carnet de santé");
  expect(text).toContain("06 12 98 76 54");
  expect(text).toContain(`Blocked: Réunion ${lastName}`);
  expect(text).toContain(agenda.name);
  expect(text).not.toContain("Print");
  expect(text).not.toContain("Inbox");
});
