import "server-only";
import { and, asc, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { foldForSearch, patients } from "@/db/schema";
import { encodeCursor } from "@/lib/paging/cursor";
import { inClinic } from "@/lib/clinics/scope";
import type { StaffContext } from "@/lib/auth/staff-context";
import { formatPhoneNational, phoneSearchDigits } from "./phone";
import type { PatientSearch } from "./schemas";

export type PatientListItem = {
  id: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  // The mobile as the clinic writes it at home ("06 12 34 56 78"), for lists.
  phoneDisplay: string | null;
  email: string | null;
  dateOfBirth: string | null;
};

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

// Each word must appear somewhere in the patient's name, email, phones or patient number, folded
// the same way on both sides ("dupont marie" finds Marie Dupont, "coeurderoy" finds Cœurderoy).
// Something that reads as a phone ("06 12 34 56 78") is matched on its E.164 digits too; a
// patient number made of digits reads like one, so either match counts. search_text holds all of
// it, so the trigram index serves every kind of query.
function matchesWords(q: string, country: string): SQL | undefined {
  const words = q.split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  const byWords = and(...words.map((w) => like(patients.searchText, foldForSearch(`%${escapeLike(w)}%`))));
  const digits = phoneSearchDigits(q, country);
  return digits ? or(like(patients.searchText, `%${digits}%`), byWords) : byWords;
}

type SearchContext = Pick<StaffContext, "db" | "clinicId" | "clinic">;

// The query alone, so the benchmark can print the plan the planner picks for it.
export function patientSearchQuery(ctx: SearchContext, search: PatientSearch) {
  const after = search.cursor
    ? sql`(${patients.lastName}, ${patients.firstName}, ${patients.id}) > (${search.cursor[0]}, ${search.cursor[1]}, ${search.cursor[2]})`
    : undefined;
  return (
    ctx.db
      .select({
        id: patients.id,
        firstName: patients.firstName,
        lastName: patients.lastName,
        phone: patients.phone,
        email: patients.email,
        dateOfBirth: patients.dateOfBirth,
      })
      .from(patients)
      // A record merged into another is found through that one only.
      .where(inClinic(ctx, patients, isNull(patients.mergedIntoId), matchesWords(search.q, ctx.clinic.country), after))
      .orderBy(asc(patients.lastName), asc(patients.firstName), asc(patients.id))
      .limit(search.limit + 1)
  );
}

export async function searchPatients(ctx: SearchContext, search: PatientSearch) {
  const rows: PatientListItem[] = (await patientSearchQuery(ctx, search)).map((p) => ({
    ...p,
    phoneDisplay: p.phone && formatPhoneNational(p.phone, ctx.clinic.country),
  }));
  const page = rows.slice(0, search.limit);
  const last = page.at(-1);
  return {
    patients: page,
    nextCursor: rows.length > search.limit && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
  };
}
