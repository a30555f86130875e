import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { contextFor, makeAgendaAndMotif, makeAppointment, makeClinic, makePatient } from "@/lib/testing/factories";
import { patientUserProfiles, patientUsers, type Clinic } from "@/db/schema";
import { createTestDatabase } from "@/lib/testing/test-database";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getPatient } from "./get-patient";
import { patientSearchSchema } from "./schemas";
import { searchPatients } from "./search-patients";

let handle: DatabaseHandle;
let paris: Clinic;
let newYork: Clinic;

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { country: "FR" });
  newYork = await makeClinic(handle.db, { country: "US", timeZone: "America/New_York" });
  await makePatient(handle.db, paris.id, { firstName: "Hélène", lastName: "Dupont", phone: "+33612345678", email: "helene@example.com" });
  await makePatient(handle.db, paris.id, { firstName: "Marc", lastName: "Dupont", phone: null, email: null });
  await makePatient(handle.db, paris.id, { firstName: "Zoé", lastName: "Martin_50%", phone: null, email: null });
  await makePatient(handle.db, newYork.id, { firstName: "Helen", lastName: "Dupont", phone: "+19173824410" });
});
afterAll(() => handle.close());

const search = (clinic: Clinic, input: Record<string, string>) =>
  searchPatients(contextFor(handle.db, clinic), patientSearchSchema.parse(input));
const names = (r: Awaited<ReturnType<typeof searchPatients>>) => r.patients.map((p) => `${p.firstName} ${p.lastName}`);

describe("patient search", () => {
  it("finds a patient without accents, in any word order, and only in the staff member's clinic", async () => {
    expect(names(await search(paris, { q: "helene" }))).toEqual(["Hélène Dupont"]);
    expect(names(await search(paris, { q: "dupont HÉL" }))).toEqual(["Hélène Dupont"]);
    expect(names(await search(newYork, { q: "dupont" }))).toEqual(["Helen Dupont"]);
  });

  it("finds a patient by a phone number typed in national format, or by email", async () => {
    expect(names(await search(paris, { q: "06 12 34 56 78" }))).toEqual(["Hélène Dupont"]);
    expect(names(await search(paris, { q: "helene@example" }))).toEqual(["Hélène Dupont"]);
  });

  it("treats % and _ as text, not as wildcards", async () => {
    expect(names(await search(paris, { q: "50%" }))).toEqual(["Zoé Martin_50%"]);
    expect(names(await search(paris, { q: "%" }))).toEqual(["Zoé Martin_50%"]);
  });

  it("pages through the whole list with cursors, in name order, without repeats", async () => {
    const first = await search(paris, { limit: "2" });
    expect(names(first)).toEqual(["Hélène Dupont", "Marc Dupont"]);
    const second = await search(paris, { limit: "2", cursor: first.nextCursor! });
    expect(names(second)).toEqual(["Zoé Martin_50%"]);
    expect(second.nextCursor).toBeNull();
  });

  describe("folds what is typed as the record is written", () => {
    let lyon: Clinic;
    beforeAll(async () => {
      lyon = await makeClinic(handle.db, { country: "FR" });
      const people = [
        { firstName: "Anne", lastName: "Cœurderoy", externalId: "P-004211" },
        { firstName: "Moussa", lastName: "N’Diaye", externalId: "18532" },
        { firstName: "Jean-Pierre", lastName: "L'Hôte", landline: "+33472101010" },
        { firstName: "Lætitia", lastName: "Øberg" },
      ];
      for (const p of people) await makePatient(handle.db, lyon.id, { phone: null, email: null, ...p });
    });

    // What a receptionist types → whom she finds.
    const table: [string, string[]][] = [
      ["Coeurderoy", ["Anne Cœurderoy"]],
      ["cœurderoy", ["Anne Cœurderoy"]],
      ["N'Diaye", ["Moussa N’Diaye"]],
      ["ndiaye", ["Moussa N’Diaye"]],
      ["n diaye", ["Moussa N’Diaye"]],
      ["jean pierre", ["Jean-Pierre L'Hôte"]],
      ["jeanpierre lhote", ["Jean-Pierre L'Hôte"]],
      ["l’hote", ["Jean-Pierre L'Hôte"]],
      ["laetitia oberg", ["Lætitia Øberg"]],
      ["P-004211", ["Anne Cœurderoy"]],
      ["p004211", ["Anne Cœurderoy"]],
      ["18532", ["Moussa N’Diaye"]],
      ["04 72 10 10 10", ["Jean-Pierre L'Hôte"]],
      ["diaye-lhote", []],
    ];
    it.each(table)("%s", async (q, expected) => {
      expect(names(await search(lyon, { q }))).toEqual(expected);
    });
  });

  it("rejects a forged cursor", () => {
    expect(patientSearchSchema.safeParse({ cursor: "bm90LWEtY3Vyc29y" }).success).toBe(false);
  });
});

describe("patient record", () => {
  it("shows the household: who manages the profile and the other profiles they manage", async () => {
    const mother = await makePatient(handle.db, paris.id, { firstName: "Anne", lastName: "Roux" });
    const child = await makePatient(handle.db, paris.id, { firstName: "Léo", lastName: "Roux" });
    const [account] = await handle.db
      .insert(patientUsers)
      .values({ clinicId: paris.id, email: "anne@example.com", name: "Anne Roux" })
      .returning();
    await handle.db.insert(patientUserProfiles).values([
      { clinicId: paris.id, patientUserId: account.id, patientId: mother.id, relationship: "self", approved: true },
      { clinicId: paris.id, patientUserId: account.id, patientId: child.id, relationship: "child", approved: false },
    ]);
    const { household } = await getPatient(contextFor(handle.db, paris), mother.id);
    expect(household).toHaveLength(1);
    expect(household[0]).toMatchObject({
      accountName: "Anne Roux",
      otherProfiles: [{ firstName: "Léo", relationship: "child", approved: false }],
    });
  });

  it("lists the patient's appointments in time order", async () => {
    const patient = await makePatient(handle.db, paris.id);
    const { agenda, motif } = await makeAgendaAndMotif(handle.db, paris.id);
    const refs = { clinicId: paris.id, agendaId: agenda.id, motifId: motif.id, patientId: patient.id };
    await makeAppointment(handle.db, refs, { startsAt: new Date("2026-06-02T08:00:00Z") });
    await makeAppointment(handle.db, refs, { startsAt: new Date("2026-06-01T08:00:00Z") });
    const { appointments } = await getPatient(contextFor(handle.db, paris), patient.id);
    expect(appointments.map((a) => a.startsAt.toISOString())).toEqual(["2026-06-01T08:00:00.000Z", "2026-06-02T08:00:00.000Z"]);
  });

  it("answers not found for another clinic's patient, exactly as for an unknown id", async () => {
    const [american] = (await search(newYork, { q: "helen" })).patients;
    await expect(getPatient(contextFor(handle.db, paris), american.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPatient(contextFor(handle.db, paris), "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);
  });
});
