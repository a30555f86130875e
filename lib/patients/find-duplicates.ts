import "server-only";
import { and, eq, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { foldForSearch, patients } from "@/db/schema";
import type { StaffContext } from "@/lib/auth/staff-context";
import { inClinic } from "@/lib/clinics/scope";
import { escapeLike } from "./search-patients";

export type DuplicateReason = "name_and_birth_date" | "mobile";

export type PossibleDuplicate = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  phone: string | null;
  active: boolean;
  matchedBy: DuplicateReason[];
};

type Candidate = { firstName: string; lastName: string; dateOfBirth?: string | null; phone?: string | null };

const MAX_MATCHES = 5;

// The clinic's records a new patient may be: the same name (folded as search folds it, so
// "Helene Cœurderoy" is "Hélène Coeurderoy") and the same birth date, or the same mobile. A
// record merged into another is not offered: the kept one is. `phone` is E.164.
export async function findPossibleDuplicates(
  ctx: Pick<StaffContext, "db" | "clinicId">,
  candidate: Candidate,
): Promise<PossibleDuplicate[]> {
  const sameName = candidate.dateOfBirth
    ? and(
        // The trigram index narrows it down; the folded equalities decide.
        like(patients.searchText, foldForSearch(`%${escapeLike(candidate.lastName)}%`)),
        eq(foldForSearch(sql`${patients.lastName}`), foldForSearch(candidate.lastName)),
        eq(foldForSearch(sql`${patients.firstName}`), foldForSearch(candidate.firstName)),
        eq(patients.dateOfBirth, candidate.dateOfBirth),
      )
    : undefined;
  const sameMobile = candidate.phone ? eq(patients.phone, candidate.phone) : undefined;
  if (!sameName && !sameMobile) return [];

  const rows = await ctx.db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      dateOfBirth: patients.dateOfBirth,
      phone: patients.phone,
      active: patients.active,
      byName: (sameName ?? sql`false`) as SQL<boolean>,
    })
    .from(patients)
    .where(inClinic(ctx, patients, isNull(patients.mergedIntoId), or(sameName, sameMobile)))
    .orderBy(patients.lastName, patients.firstName)
    .limit(MAX_MATCHES);

  return rows.map(({ byName, ...row }) => ({
    ...row,
    matchedBy: [
      ...(byName ? (["name_and_birth_date"] as const) : []),
      ...(candidate.phone && row.phone === candidate.phone ? (["mobile"] as const) : []),
    ],
  }));
}
