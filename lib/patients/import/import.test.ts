import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { patientImportErrors, patientImports, patients, type Clinic } from "@/db/schema";
import { makeClinic, staffContextFor } from "@/lib/testing/factories";
import { createTestDatabase } from "@/lib/testing/test-database";
import { csvRecords } from "./csv-records";
import { detectDelimiter, detectEncoding } from "./detect";
import { processImport, startImport } from "./process-import";
import { rowToPatient, suggestMapping } from "./row-to-patient";
import { uploadImport } from "./upload-import";

let handle: DatabaseHandle;
let paris: Clinic;
const now = new Date("2026-12-01T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  paris = await makeClinic(handle.db, { country: "FR" });
});
afterAll(() => handle.close());

const HEADER = "N° dossier;Nom;Prénom;Date de naissance;Portable;Email";
const windows1252 = (text: string) => Uint8Array.from([...text].map((ch) => (ch === "é" ? 0xe9 : ch === "è" ? 0xe8 : ch.charCodeAt(0))));

async function records(bytes: Uint8Array, delimiter: string) {
  const out: string[][] = [];
  for await (const { record } of csvRecords([bytes], detectEncoding(bytes), delimiter)) out.push(record);
  return out;
}

describe("reading a clinic's CSV", () => {
  it("detects UTF-8 with or without a BOM and Windows-1252, and the separator", async () => {
    const utf8 = new TextEncoder().encode(`${HEADER}\nP1;Lefèvre;Hélène;01/02/1980;06 12 34 56 78;h@example.com\n`);
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    const legacy = windows1252(`${HEADER}\nP1;Lefèvre;Hélène;01/02/1980;06 12 34 56 78;h@example.com\n`);
    expect([detectEncoding(utf8), detectEncoding(bom), detectEncoding(legacy)]).toEqual(["utf-8", "utf-8", "windows-1252"]);
    expect(detectDelimiter(HEADER)).toBe(";");
    expect(detectDelimiter('"Nom, complet",Prénom,Email')).toBe(",");
    for (const bytes of [utf8, bom, legacy]) expect((await records(bytes, ";"))[1].slice(1, 3)).toEqual(["Lefèvre", "Hélène"]);
  });

  it("maps a row to a patient: French dates day first, national mobiles to E.164, reasons for what is wrong", () => {
    const mapping = suggestMapping(HEADER.split(";"));
    expect(mapping).toEqual({ externalId: 0, lastName: 1, firstName: 2, dateOfBirth: 3, phone: 4, email: 5 });
    expect(rowToPatient(["P1", "Lefèvre", "Hélène", "01/02/1980", "06 12 34 56 78", ""], mapping, "FR", "2026-12-01")).toEqual({
      ok: true,
      patient: expect.objectContaining({ externalId: "P1", dateOfBirth: "1980-02-01", phone: "+33612345678", email: null }),
    });
    // Each reason in words, quoting the cell.
    const reason = (row: string[]) => {
      const result = rowToPatient(row, mapping, "FR", "2026-12-01");
      return result.ok ? null : result.reason;
    };
    expect(reason(["P2", "A", "B", "31/02/1980", "", ""])).toBe('date of birth "31/02/1980" does not exist');
    expect(reason(["P2", "A", "B", "le 3 mai", "", ""])).toBe('date of birth "le 3 mai" is not a date');
    expect(reason(["P2", "A", "B", "01/01/2090", "", ""])).toBe('date of birth "01/01/2090" is in the future');
    expect(reason(["P2", "A", "B", "", "12", ""])).toBe('mobile "12" is not a phone number');
    expect(reason(["P2", "A", "B", "", "", "paul@"])).toBe('email "paul@" is not an email address');
    expect(reason(["P2", "", "B", "", "", ""])).toBe("the last name is missing");
    expect(reason(["", "A", "B", "", "", ""])).toBe("the patient number is missing (a re-import updates by it)");
    expect(rowToPatient(["P4", "A\u0000", "B", "", "", ""], mapping, "FR", "2026-12-01")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("NUL"),
    });
  });
});

describe("importing patients", () => {
  const file = (rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join("\r\n"));

  it("keeps a landline found in the mobile column as the landline, and joins the postal code and city to the address", () => {
    const headers = ["N° dossier", "Nom", "Prénom", "Téléphone mobile", "Adresse", "Code postal", "Ville"];
    const mapping = suggestMapping(headers);
    expect(mapping).toEqual({ externalId: 0, lastName: 1, firstName: 2, phone: 3, postalAddress: 4, postalCode: 5, city: 6 });
    const row = ["P9", "Roux", "Iris", "01 42 68 53 00", "3 rue de la Paix", "75002", "Paris"];
    expect(rowToPatient(row, mapping, "FR", "2026-12-01")).toEqual({
      ok: true,
      patient: expect.objectContaining({ phone: null, landline: "+33142685300", postalAddress: "3 rue de la Paix, 75002 Paris" }),
    });
    // A town alone, without a street, is still the address.
    expect(rowToPatient(["P9", "Roux", "Iris", "", "", "", "Lyon"], mapping, "FR", "2026-12-01")).toMatchObject({
      patient: { postalAddress: "Lyon" },
    });
  });

  it("dry-runs without writing, imports with line-numbered reasons, and a re-import updates in place", async () => {
    const ctx = await staffContextFor(handle.db, paris, "admin");
    const rows = [
      "P-1;Martin;Paul;12/03/1975;06 11 11 11 11;paul@example.com",
      "P-2;Durand;Anne;;;",
      "P-3;;Zoé;;;", // no last name
      "P-4;Petit;Jules;1/1/2090;;", // born in the future
      "P-1;Martin;Paul bis;;;", // the same number twice
    ];
    const uploaded = await uploadImport(ctx, { name: "export.csv", bytes: file(rows) });
    expect(uploaded).toMatchObject({ headers: HEADER.split(";"), import: { encoding: "utf-8", delimiter: ";", status: "uploaded" } });
    expect(uploaded.preview).toHaveLength(5);

    const dry = await processImport(ctx, uploaded.import.id, uploaded.mapping, { dryRun: true }, now);
    expect(dry).toMatchObject({ rows: 5, created: 0, skipped: 3 });
    expect(await handle.db.select().from(patients).where(eq(patients.clinicId, paris.id))).toHaveLength(0);
    expect(dry.errors.map((e) => e.line)).toEqual([4, 5, 6]);

    const { run } = await startImport(ctx, uploaded.import.id, uploaded.mapping, now);
    await run();
    const [done] = await handle.db.select().from(patientImports).where(eq(patientImports.id, uploaded.import.id));
    expect(done).toMatchObject({ status: "done", processed: 5, created: 2, updated: 0, skipped: 3 });
    const errors = await handle.db.select().from(patientImportErrors).where(eq(patientImportErrors.importId, uploaded.import.id));
    expect(errors.map((e) => `${e.line} ${e.reason}`).sort()).toEqual([
      "4 the last name is missing",
      '5 date of birth "1/1/2090" is in the future',
      '6 patient number "P-1" is already on line 2',
    ]);
    // Each beside the row as the file has it.
    expect(errors.find((e) => e.line === 6)?.content).toBe("P-1; Martin; Paul bis; ; ; ");

    // The next export: Anne has a phone now, Paul's email is blank (kept), one new patient.
    const again = await uploadImport(ctx, {
      name: "export-2.csv",
      bytes: file(["P-1;Martin;Paul;12/03/1975;;", "P-2;Durand;Anne;;07 81 22 22 22;", "P-5;Roux;Iris;;;"]),
    });
    const second = await startImport(ctx, again.import.id, again.mapping, now);
    await second.run();
    const [after] = await handle.db.select().from(patientImports).where(eq(patientImports.id, again.import.id));
    expect(after).toMatchObject({ created: 1, updated: 2, skipped: 0 });
    const stored = await handle.db.select().from(patients).where(eq(patients.clinicId, paris.id));
    expect(stored).toHaveLength(3);
    expect(stored.find((p) => p.externalId === "P-1")).toMatchObject({ email: "paul@example.com", phone: "+33611111111" });
    expect(stored.find((p) => p.externalId === "P-2")?.phone).toBe("+33781222222");
  });

  it("gives new patients the clinic's language when the file has none, keeps a patient's own on re-import, and sets the file's", async () => {
    const lyon = await makeClinic(handle.db, { country: "FR", defaultLanguage: "fr" });
    const ctx = await staffContextFor(handle.db, lyon, "admin");
    const importFile = async (name: string, text: string) => {
      const uploaded = await uploadImport(ctx, { name, bytes: new TextEncoder().encode(text) });
      await (await startImport(ctx, uploaded.import.id, uploaded.mapping, now)).run();
    };
    const languages = async () =>
      Object.fromEntries(
        (await handle.db.select().from(patients).where(eq(patients.clinicId, lyon.id))).map((p) => [p.externalId, p.language]),
      );

    await importFile("sans-langue.csv", "N° dossier;Nom;Prénom\r\nL-1;Martin;Paul\r\nL-2;Durand;Anne");
    expect(await languages()).toEqual({ "L-1": "fr", "L-2": "fr" });

    // Anne prefers English (set by hand); the next export says nothing of languages: kept.
    await handle.db.update(patients).set({ language: "en" }).where(eq(patients.externalId, "L-2"));
    await importFile("sans-langue-2.csv", "N° dossier;Nom;Prénom\r\nL-1;Martin;Paul\r\nL-2;Durand;Anne\r\nL-3;Roux;Iris");
    expect(await languages()).toEqual({ "L-1": "fr", "L-2": "en", "L-3": "fr" });

    // A file that names languages sets them; an empty cell leaves the patient's as it is.
    await importFile("langues.csv", "N° dossier;Nom;Prénom;Langue\r\nL-1;Martin;Paul;anglais\r\nL-2;Durand;Anne;\r\nL-4;Blanc;Léa;");
    expect(await languages()).toEqual({ "L-1": "en", "L-2": "en", "L-3": "fr", "L-4": "fr" });
  });

  it("stores an uploaded file's name cleaned of a NUL, control characters and folders", async () => {
    const ctx = await staffContextFor(handle.db, paris, "admin");
    const uploaded = await uploadImport(ctx, { name: "C:\\exports\\pa\u0000tients\u202E.csv", bytes: file(["P-9;Noir;Léon;;;"]) });
    const [stored] = await handle.db.select().from(patientImports).where(eq(patientImports.id, uploaded.import.id));
    expect(stored.fileName).toBe("patients.csv");
  });

  it("never runs one import twice at once", async () => {
    const ctx = await staffContextFor(handle.db, paris, "admin");
    const uploaded = await uploadImport(ctx, { name: "x.csv", bytes: file(["P-9;A;B;;;"]) });
    await startImport(ctx, uploaded.import.id, uploaded.mapping, now);
    await expect(startImport(ctx, uploaded.import.id, uploaded.mapping, now)).rejects.toMatchObject({ status: 409 });
  });
});
