import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { findAppointment, PARIS_LAB, PARIS_RECEPTION, signedInPage } from "./helpers";

test("bad input to the API gets 400 with the field errors, missing permission 403", async ({ browser }) => {
  const page = await signedInPage(browser, PARIS_RECEPTION);
  await expectAccessible(page, "the page a receptionist lands on");
  const api = page.request;

  const badQuery = await api.get("/api/patients?limit=abc");
  expect(badQuery.status()).toBe(400);
  const badQueryBody = await badQuery.json();
  expect(badQueryBody.error.code).toBe("invalid_input");
  expect(Object.keys(badQueryBody.error.fields)).toEqual(["limit"]);

  expect((await api.get("/api/patients/not-a-uuid")).status()).toBe(400);
  expect((await (await api.get("/api/patients?cursor=forged")).json()).error.fields.cursor).toEqual([
    "is not a cursor returned by this list",
  ]);

  const appointment = await findAppointment(api, "confirmed", 2);
  const badStatus = await api.patch(`/api/appointments/${appointment.id}`, { data: { action: "set_status", status: "teleported" } });
  expect(badStatus.status()).toBe(400);
  expect(Object.keys((await badStatus.json()).error.fields)).toEqual(["status"]);

  const badTime = await api.patch(`/api/appointments/${appointment.id}`, { data: { action: "reschedule", startsAt: "tomorrow" } });
  expect((await badTime.json()).error.fields).toEqual({ startsAt: ["must be a local date and time like 2026-03-29T09:30"] });

  const notJson = await api.patch(`/api/appointments/${appointment.id}`, {
    data: "{oops",
    headers: { "content-type": "application/json" },
  });
  expect(notJson.status()).toBe(400);

  const lab = await signedInPage(browser, PARIS_LAB);
  const forbidden = await lab.request.patch(`/api/appointments/${appointment.id}`, { data: { action: "cancel" } });
  expect(forbidden.status()).toBe(403);
  expect((await forbidden.json()).error.message).toContain("manage_appointments");

  // Nothing above changed the appointment.
  const after = await findAppointment(api, "confirmed", 2);
  expect(after.id).toBe(appointment.id);
});
