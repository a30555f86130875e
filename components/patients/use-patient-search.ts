"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";

export type PatientHit = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string | null;
  phone: string | null;
  phoneDisplay: string | null;
  email: string | null;
};

// The clinic's patients as staff type a name, phone or email (from two characters on): the
// booking dialog's "find the patient" and the merge's "find the duplicate".
export function usePatientSearch(q: string) {
  return useQuery({
    queryKey: ["patient-search", q],
    queryFn: () => apiFetch<{ patients: PatientHit[] }>(`/api/patients?limit=6&q=${encodeURIComponent(q)}`),
    enabled: q.trim().length >= 2,
  });
}
