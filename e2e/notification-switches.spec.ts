import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
// Every page of these stories is checked with axe-core (@axe-core/playwright, WCAG 2.1 A/AA,
// no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { findAppointment, HUDSON_RECEPTION, patientOf, signIn, signedInPage } from "./helpers";

const HUDSON_ADMIN = "admin@hudson.demo";
const HUDSON_SUPPORT = "support@hudson.demo";
const AGENDA = "Nurse Visits";

type Row = { id: string; bookingReference: string; agendaId: string; bookedBy: string; patientId: string };

test("an admin turns SMS off for one agenda; a cancellation there goes by email only; the appointment says why, naming her; support finds the email by its message id", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, HUDSON_ADMIN);
  await page.goto("/settings/notification-switches");
  await expect(page.getByRole("heading", { name: "Agendas" })).toBeVisible();
  await expectAccessible(page, "notification switches");
  const sms = page.getByRole("switch", { name: `SMS for ${AGENDA}` });
  await expect(sms).toBeChecked();
  await sms.click();
  await expect(page.getByRole("status").filter({ hasText: `Saved: SMS off for ${AGENDA}.` })).toBeVisible();
  await expect(sms).not.toBeChecked();
  await expect(page.getByTestId("switch-agenda").filter({ hasText: AGENDA })).toContainText("Changed by Rachel Kim");
  // The audit trail has it: who, what, before and after.
  await page.goto("/settings/audit?kind=settings");
  const entry = page.locator("[data-testid=audit-entry][data-action='notification_switch.changed']").first();
  await expect(entry).toContainText("Rachel Kim");
  await expect(entry).toContainText(`name: ${AGENDA}`);
  await expect(entry).toContainText("true → false");
  await expectAccessible(page, "the audit trail");

  try {
    // A receptionist cancels an appointment the practice booked on that agenda, for a patient
    // with a mobile number and an email address.
    const reception = await signedInPage(browser, HUDSON_RECEPTION);
    const { agendas } = (await (await reception.request.get("/api/agendas")).json()) as { agendas: { id: string; name: string }[] };
    const agendaId = agendas.find((a) => a.name === AGENDA)!.id;
    const appointment = (await findAppointment(reception.request, "confirmed", 4, async (a) => {
      const row = a as unknown as Row;
      if (row.agendaId !== agendaId || row.bookedBy !== "practice" || row.bookingReference.endsWith("SOON01")) return false;
      const patient = await patientOf(reception.request, row.patientId);
      return Boolean(patient.phone && patient.email);
    })) as unknown as Row;
    expect(
      (
        await reception.request.patch(`/api/appointments/${appointment.id}`, { data: { action: "cancel", reason: "Clinic closed" } })
      ).status(),
    ).toBe(200);

    // Local sinks: the email arrives; no SMS names the booking.
    type SinkMessage = { channel: string; text?: string; subject?: string; html?: string };
    const received = async () =>
      ((await (await reception.request.get("/api/dev/sinks")).json()).messages as SinkMessage[]).filter((m) =>
        `${m.subject ?? ""} ${m.text ?? ""}`.includes(appointment.bookingReference),
      );
    await expect.poll(async () => (await received()).map((m) => m.channel), { timeout: 20_000 }).toContain("email");
    expect((await received()).map((m) => m.channel)).not.toContain("sms");

    // The appointment page says why, in words, with who turned the switch off.
    await reception.goto(`/appointments/${appointment.id}`);
    const why = reception.getByTestId("why-not");
    await expect(why.getByTestId("why-not-item").filter({ hasText: "SMS not sent" })).toContainText("switched off for the agenda");
    await expect(why.getByTestId("why-not-item").filter({ hasText: "SMS not sent" })).toContainText("Turned off by Rachel Kim on");
    await expect(
      why
        .getByTestId("why-not-item")
        .filter({ hasText: /Email (sent|delivered)/i })
        .first(),
    ).toBeVisible();
    await expectAccessible(reception, "an appointment's notifications explained");
    await reception.context().close();

    // Support finds the email by the provider's message id and opens its timeline.
    const support = await signedInPage(browser, HUDSON_SUPPORT);
    const { deliveries } = (await (
      await support.request.get(`/api/deliveries?event=appointment.cancelled&channel=email&limit=50`)
    ).json()) as { deliveries: { id: string }[] };
    let messageId: string | undefined;
    for (const d of deliveries) {
      const { delivery } = (await (await support.request.get(`/api/deliveries/${d.id}`)).json()) as {
        delivery: { appointmentId: string | null; providerMessageId: string | null };
      };
      if (delivery.appointmentId === appointment.id) messageId = delivery.providerMessageId ?? undefined;
    }
    expect(messageId, "the cancellation email's SES message id").toBeTruthy();
    await support.goto("/notifications");
    // Outcomes per channel per day, drawn, and the same figures as a table.
    await support.getByTestId("outcomes").locator("> summary").click();
    const emailChart = support.locator("[data-testid=outcomes-chart][data-channel=email]");
    await expect(emailChart.locator(".recharts-wrapper")).toBeVisible();
    await emailChart.locator("summary").click();
    await expect(emailChart.getByRole("table")).toBeVisible();
    await expectAccessible(support, "the log's outcomes per channel");
    await support.getByRole("searchbox", { name: "Search" }).fill(messageId!);
    await support.getByRole("button", { name: "Apply" }).click();
    await expect(support.getByTestId("delivery-row")).toHaveCount(1);
    await expectAccessible(support, "the log, found by a message id");
    // The search exported as CSV: the header, then that one delivery.
    const [download] = await Promise.all([support.waitForEvent("download"), support.getByTestId("export-csv").click()]);
    const csv = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    expect(csv[0]).toMatch(/^created_at,recipient,/);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toContain(messageId!);
    await support.getByTestId("delivery-row").getByRole("link").first().click();
    await expect(support.getByTestId("attempts")).toContainText("Accepted");
    await support.context().close();
  } finally {
    // Back on: other stories count on this agenda's SMS.
    expect(
      (
        await page.request.patch("/api/notification-switches", {
          data: {
            target: "agenda",
            id: (await (await page.request.get("/api/notification-switches")).json()).agendas.find(
              (a: { name: string }) => a.name === AGENDA,
            ).id,
            switch: "sms",
            on: true,
          },
        })
      ).status(),
    ).toBe(200);
  }
});

test("a receptionist cannot change the switches: no tab, the page is refused, and the API answers 403", async ({ page }) => {
  await signIn(page, HUDSON_RECEPTION);
  await page.goto("/settings/preferences");
  await expect(page.getByRole("link", { name: "Notification switches" })).toHaveCount(0);
  const response = await page.request.patch("/api/notification-switches", {
    data: { target: "visit_reason", id: "00000000-0000-4000-8000-000000000000", on: false },
  });
  expect(response.status()).toBe(403);
  expect((await page.request.get("/api/notification-switches")).status()).toBe(403);
});
