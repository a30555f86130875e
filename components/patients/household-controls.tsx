"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/api/client";

function useHouseholdChange() {
  const router = useRouter();
  return useMutation({
    mutationFn: ({ url, method, body }: { url: string; method: "POST" | "PATCH" | "DELETE"; body?: unknown }) =>
      apiFetch(url, { method, ...(body ? { body: JSON.stringify(body) } : {}) }),
    onSuccess: () => router.refresh(),
  });
}

// Approve a link the patient asked for from the portal, or remove one.
export function HouseholdLinkActions({
  patientId,
  accountId,
  accountName,
  approved,
}: {
  patientId: string;
  accountId: string;
  accountName: string;
  approved: boolean;
}) {
  const t = useTranslations("patient.householdControls");
  const change = useHouseholdChange();
  const url = `/api/patients/${patientId}/household/${accountId}`;
  return (
    <span className="ml-1 inline-flex flex-wrap gap-1">
      {!approved ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={() => change.mutate({ url, method: "PATCH", body: { approved: true } })}
          disabled={change.isPending}
          aria-label={t("approveFor", { name: accountName })}
        >
          {t("approve")}
        </Button>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        onClick={() => change.mutate({ url, method: "DELETE" })}
        disabled={change.isPending}
        aria-label={t("unlinkFor", { name: accountName })}
      >
        {t("unlink")}
      </Button>
      {change.error ? <Alert>{change.error instanceof ApiError ? change.error.message : t("failed")}</Alert> : null}
    </span>
  );
}

// Link this profile to a guardian's (or relative's) portal account, found by email or name.
export function LinkPortalAccount({ patientId }: { patientId: string }) {
  const t = useTranslations("patient.householdControls");
  const tRelation = useTranslations("patient.relationship");
  const id = useId();
  const [q, setQ] = useState("");
  const [relationship, setRelationship] = useState("child");
  const change = useHouseholdChange();
  const accounts = useQuery({
    queryKey: ["portal-accounts", q],
    queryFn: () => apiFetch<{ accounts: { id: string; name: string; email: string }[] }>(`/api/portal-accounts?q=${encodeURIComponent(q)}`),
    enabled: q.trim().length >= 2,
  });
  return (
    <div className="mt-4 space-y-2 border-t border-slate-100 pt-3" data-testid="link-account">
      <div className="grid gap-2 sm:grid-cols-2">
        <FormField id={`${id}-q`} label={t("find")}>
          {(c) => <Input {...c} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />}
        </FormField>
        <FormField id={`${id}-relationship`} label={t("relationship")}>
          {(c) => (
            <Select {...c} value={relationship} onChange={(e) => setRelationship(e.target.value)} className="w-full">
              {(["child", "parent", "spouse", "self", "other"] as const).map((r) => (
                <option key={r} value={r}>
                  {tRelation(r)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </div>
      {accounts.data?.accounts.length ? (
        <ul className="divide-y divide-slate-100 rounded-md text-sm ring-1 ring-slate-200" aria-label={t("results")}>
          {accounts.data.accounts.map((a) => (
            <li key={a.id} className="flex items-center justify-between gap-2 px-3 py-2">
              <span>
                {a.name} <span className="text-slate-600">· {a.email}</span>
              </span>
              <Button
                size="sm"
                variant="secondary"
                onClick={() =>
                  change.mutate({ url: `/api/patients/${patientId}/household`, method: "POST", body: { accountId: a.id, relationship } })
                }
                disabled={change.isPending}
              >
                {t("link")}
              </Button>
            </li>
          ))}
        </ul>
      ) : q.trim().length >= 2 && accounts.isSuccess ? (
        <p className="text-sm text-slate-600">{t("noAccount")}</p>
      ) : null}
      {change.error ? <Alert>{change.error instanceof ApiError ? change.error.message : t("failed")}</Alert> : null}
    </div>
  );
}
