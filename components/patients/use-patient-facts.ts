"use client";

import { useFormatter } from "next-intl";
import { useCallback } from "react";

type Facts = { dateOfBirth?: string | null; phoneDisplay?: string | null; email?: string | null };

// A patient's line under their name in a pick list, as the clinic reads it: the birth date in
// words of the staff member's language ("14 mars 1980"), the mobile in the national format.
export function usePatientFacts() {
  const format = useFormatter();
  return useCallback(
    (p: Facts, include: readonly (keyof Facts)[] = ["dateOfBirth", "phoneDisplay", "email"]) =>
      include
        .map((key) =>
          key === "dateOfBirth" && p.dateOfBirth
            ? format.dateTime(new Date(`${p.dateOfBirth}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" })
            : (p[key] ?? null),
        )
        .filter(Boolean)
        .join(" · "),
    [format],
  );
}
