"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ApiError, apiFetch } from "@/lib/api/client";

// Deactivating keeps the record and its history but stops every message to it; asked once
// more before it happens. Reactivating is one click.
export function PatientActiveSwitch({ patientId, active }: { patientId: string; active: boolean }) {
  const t = useTranslations("patientForm.active");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const change = useMutation({
    mutationFn: (next: boolean) => apiFetch(`/api/patients/${patientId}`, { method: "PATCH", body: JSON.stringify({ active: next }) }),
    onSuccess: () => {
      setOpen(false);
      router.push(`/patients/${patientId}`);
      router.refresh();
    },
  });
  const error = change.error ? (
    <Alert className="mt-3">{change.error instanceof ApiError ? change.error.message : t("failed")}</Alert>
  ) : null;
  return (
    <section aria-labelledby="record-status" className="mt-6 max-w-3xl rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <h2 id="record-status" className="font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{active ? t("activeBody") : t("inactiveBody")}</p>
      {active ? (
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button variant="secondary" className="mt-3">
              {t("deactivate")}
            </Button>
          </DialogTrigger>
          <DialogContent title={t("confirmTitle")} description={t("confirmBody")} closeLabel={t("close")}>
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="ghost">{t("keep")}</Button>
              </DialogClose>
              <Button variant="danger" onClick={() => change.mutate(false)} disabled={change.isPending}>
                {t("deactivate")}
              </Button>
            </div>
            {error}
          </DialogContent>
        </Dialog>
      ) : (
        <Button variant="secondary" className="mt-3" onClick={() => change.mutate(true)} disabled={change.isPending}>
          {t("reactivate")}
        </Button>
      )}
      {!open ? error : null}
    </section>
  );
}
