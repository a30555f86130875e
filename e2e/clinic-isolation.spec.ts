import { expect, test } from "@playwright/test";
import { expectAccessible } from "./a11y";
import { HUDSON_RECEPTION, PARIS_RECEPTION, signedInPage } from "./helpers";

type Patient = { id: string; firstName: string; lastName: string; email: string | null };

test("a receptionist of one clinic can neither see nor fetch another clinic's patients", async ({ browser }) => {
  const hudson = await signedInPage(browser, HUDSON_RECEPTION);
  const hudsonPatients = (await (await hudson.request.get("/api/patients?limit=100")).json()).patients as Patient[];
  const american = hudsonPatients.find((p) => p.email)!;
  expect(american).toBeTruthy();
  expect((await hudson.request.get(`/api/patients/${american.id}`)).status()).toBe(200);

  const paris = await signedInPage(browser, PARIS_RECEPTION);
  // By API: another clinic's id is answered exactly like an id that does not exist.
  const response = await paris.request.get(`/api/patients/${american.id}`);
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ error: { code: "not_found", message: "Patient not found." } });
  expect((await paris.request.get("/api/patients/00000000-0000-4000-8000-000000000000")).status()).toBe(404);

  // In the UI: the full Paris list holds none of Hudson's patients, and searching one finds nothing.
  const parisPatients = (await (await paris.request.get("/api/patients?limit=100")).json()).patients as Patient[];
  const hudsonIds = new Set(hudsonPatients.map((p) => p.id));
  expect(parisPatients.filter((p) => hudsonIds.has(p.id))).toEqual([]);
  await paris.goto(`/patients?q=${encodeURIComponent(american.email!)}`);
  await expect(paris.getByText(`No patient matches “${american.email}”`)).toBeVisible();
  await expectAccessible(paris, "patients, another clinic's patient searched");
  await paris.goto(`/patients/${american.id}`);
  await expect(paris.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expectAccessible(paris, "not found, another clinic's patient");
});
