"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { FormField, Input } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/api/client";
import { usePatientSearch, type PatientHit } from "./use-patient-search";
import { usePatientFacts } from "@/components/patients/use-patient-facts";

// Finds the duplicate of this record and, once confirmed, merges it in.
export function MergeDuplicate({ patientId, patientName }: { patientId: string; patientName: string }) {
  const t = useTranslations("patientForm.merge");
  const facts = usePatientFacts();
  const router = useRouter();
  const id = useId();
  const [q, setQ] = useState("");
  const [picked, setPicked] = useState<PatientHit | null>(null);
  const search = usePatientSearch(q);
  const merge = useMutation({
    mutationFn: (duplicateId: string) =>
      apiFetch(`/api/patients/${patientId}/merge`, { method: "POST", body: JSON.stringify({ duplicateId }) }),
    onSuccess: () => {
      setPicked(null);
      router.push(`/patients/${patientId}`);
      router.refresh();
    },
  });
  const hits = search.data?.patients.filter((p) => p.id !== patientId) ?? [];
  return (
    <section aria-labelledby={`${id}-title`} className="mt-6 max-w-3xl space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("body", { name: patientName })}</p>
      <FormField id={`${id}-q`} label={t("find")}>
        {(c) => <Input {...c} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />}
      </FormField>
      {hits.length ? (
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label={t("results")}>
          {hits.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-medium">
                  {p.lastName.toUpperCase()} {p.firstName}
                </span>
                <span className="block text-xs text-slate-600">{facts(p)}</span>
              </span>
              <Button variant="secondary" size="sm" onClick={() => setPicked(p)}>
                {t("pick")}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <Dialog open={Boolean(picked)} onOpenChange={(open) => !open && setPicked(null)}>
        {picked ? (
          <DialogContent
            title={t("confirmTitle")}
            description={t("confirmBody", { duplicate: `${picked.firstName} ${picked.lastName}`, kept: patientName })}
            closeLabel={t("close")}
          >
            {merge.error ? <Alert className="mb-3">{merge.error instanceof ApiError ? merge.error.message : t("failed")}</Alert> : null}
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="ghost">{t("cancel")}</Button>
              </DialogClose>
              <Button variant="danger" onClick={() => merge.mutate(picked.id)} disabled={merge.isPending}>
                {t("confirm")}
              </Button>
            </div>
          </DialogContent>
        ) : null}
      </Dialog>
    </section>
  );
}
