"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/api/client";
import type { PatientListItem } from "@/lib/patients/search-patients";
import { usePatientFacts } from "@/components/patients/use-patient-facts";

// Triage: staff recognise an unknown sender and attach the conversation to the patient.
export function AttachPatientDialog({ conversationId, contactAddress }: { conversationId: string; contactAddress: string | null }) {
  const t = useTranslations("inbox.attach");
  const facts = usePatientFacts();
  const client = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState(contactAddress ?? "");
  const query = useDeferredValue(q.trim());
  const results = useQuery({
    queryKey: ["patients", query],
    queryFn: () => apiFetch<{ patients: PatientListItem[] }>(`/api/patients?${new URLSearchParams({ q: query, limit: "8" })}`),
    enabled: open && query.length >= 2,
  });
  const attach = useMutation({
    mutationFn: (patientId: string) =>
      apiFetch<{ conversationId: string }>(`/api/conversations/${conversationId}/attach`, {
        method: "POST",
        body: JSON.stringify({ patientId }),
      }),
    onSuccess: ({ conversationId: target }) => {
      setOpen(false);
      client.invalidateQueries({ queryKey: ["conversations"] });
      client.invalidateQueries({ queryKey: ["thread"] });
      const next = new URLSearchParams(params);
      next.set("c", target);
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
  });
  const patients = results.data?.patients ?? [];
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <UserPlus className="size-4" aria-hidden /> {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} closeLabel={t("close")}>
        <p className="mb-3 text-sm text-slate-600">{t("hint", { address: contactAddress ?? "" })}</p>
        <Input
          type="search"
          aria-label={t("search")}
          placeholder={t("search")}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoFocus
        />
        <ul className="mt-3 max-h-72 divide-y divide-slate-100 overflow-y-auto" aria-label={t("results")}>
          {patients.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium">
                  {p.firstName} {p.lastName}
                </span>
                <span className="block text-xs text-slate-500">{facts(p, ["phoneDisplay", "email", "dateOfBirth"])}</span>
              </span>
              <Button
                size="sm"
                variant="secondary"
                onClick={() => attach.mutate(p.id)}
                disabled={attach.isPending}
                aria-label={t("chooseNamed", { name: `${p.firstName} ${p.lastName}` })}
              >
                {t("choose")}
              </Button>
            </li>
          ))}
        </ul>
        {query.length < 2 ? <p className="mt-3 text-sm text-slate-500">{t("typeMore")}</p> : null}
        {results.isFetching && !patients.length ? <p className="mt-3 text-sm text-slate-500">{t("searching")}</p> : null}
        {results.isError ? <Alert className="mt-3">{t("searchFailed")}</Alert> : null}
        {query.length >= 2 && results.isSuccess && !patients.length ? <p className="mt-3 text-sm text-slate-500">{t("none")}</p> : null}
        {attach.error ? <Alert className="mt-3">{attach.error instanceof ApiError ? attach.error.message : t("failed")}</Alert> : null}
      </DialogContent>
    </Dialog>
  );
}
