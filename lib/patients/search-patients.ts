import "server-only";
import { and, asc, isNull, like, sql, type SQL } from "drizzle-orm";
import { foldForSearch, patients } from "@/db/schema";
import { encodeCursor } from "@/lib/paging/cursor";
import { inClinic } from "@/lib/clinics/scope";
import type { StaffContext } from "@/lib/auth/staff-context";
import { phoneSearchDigits } from "./phone";
import type { PatientSearch } from "./schemas";

export type PatientListItem = {
  id: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  dateOfBirth: string | null;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

// A phone typed in any format ("06 12 34 56 78") is matched on its E.164 digits; otherwise each
// word must appear somewhere in name, email or phone ("dupont marie" finds Marie Dupont).
// search_text holds the E.164 number too, so the trigram index serves both.
function matchesWords(q: string, country: string): SQL | undefined {
  const digits = phoneSearchDigits(q, country);
  if (digits) return like(patients.searchText, `%${digits}%`);
  const words = q.split(/\s+/).filter(Boolean);
  if (!words.length) return undefined;
  return and(...words.map((w) => like(patients.searchText, foldForSearch(`%${escapeLike(w)}%`))));
}

export async function searchPatients(ctx: Pick<StaffContext, "db" | "clinicId" | "clinic">, search: PatientSearch) {
  const after = search.cursor
    ? sql`(${patients.lastName}, ${patients.firstName}, ${patients.id}) > (${search.cursor[0]}, ${search.cursor[1]}, ${search.cursor[2]})`
    : undefined;
  const rows: PatientListItem[] = await ctx.db
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
    .limit(search.limit + 1);

  const page = rows.slice(0, search.limit);
  const last = page.at(-1);
  return {
    patients: page,
    nextCursor: rows.length > search.limit && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
  };
}
