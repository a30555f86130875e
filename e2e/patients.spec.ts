import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { PARIS_RECEPTION, signIn } from "./helpers";

test("a receptionist finds a patient by name and opens the record", { tag: "@embedded" }, async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  const { patients } = await (await page.request.get("/api/patients?limit=5")).json();
  const patient = patients.find((p: { phone: string | null }) => p.phone);

  await page.getByRole("link", { name: "Patients" }).click();
  await page.getByLabel("Search patients").fill(`${patient.lastName} ${patient.firstName}`);
  await expect(page).toHaveURL(/\?q=/);
  const result = page.getByTestId("patient-results").getByRole("link").first();
  await expect(result).toContainText(patient.lastName.toUpperCase());
  await expectAccessible(page, "patients, search results");
  await result.click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${patient.firstName} ${patient.lastName.toUpperCase()}`);
  await expect(page.getByTestId("patient-phone")).toHaveText(/^0[67]( \d\d){4}$/);
  await expect(page.getByRole("heading", { name: "Upcoming appointments" })).toBeVisible();
  await expectAccessible(page, "patient record");
});

test("searching for nobody shows an empty state, not an empty page", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  await page.goto("/patients?q=zzzzqqq");
  await expect(page.getByText("No patient matches “zzzzqqq”")).toBeVisible();
  await expectAccessible(page, "patients, empty search");
});

test("a receptionist records a WhatsApp opt-in from a paper form: the record shows the choice and who recorded it", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  const { patients } = await (await page.request.get("/api/patients?limit=60")).json();
  const patient = patients.filter((p: { phone: string | null }) => p.phone).at(-1);
  await page.goto(`/patients/${patient.id}`);
  const consent = page.getByTestId("patient-consent");
  await consent.getByLabel("Channel").selectOption("whatsapp");
  await consent.getByLabel("Choice", { exact: true }).selectOption("opted_in");
  await consent.getByLabel("Heard from").selectOption("paper_form");
  await consent.getByRole("button", { name: "Record" }).click();
  await expect(consent.getByTestId("consent-current").filter({ hasText: "WhatsApp" })).toContainText("Opted in");
  await consent.getByText(/^History/).click();
  await expect(consent.getByTestId("consent-history").getByRole("listitem").first()).toContainText(
    "WhatsApp: Opted in (paper form) — recorded by",
  );
  await expectAccessible(page, "patient record, consent recorded");
});
