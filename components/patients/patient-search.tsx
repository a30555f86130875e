"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { Loader2, Mail, Phone, Search, UserX } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/field";
import { apiFetch } from "@/lib/api/client";
import type { PatientListItem } from "@/lib/patients/search-patients";

type Page = { patients: PatientListItem[]; nextCursor: string | null };

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function PatientSearch() {
  const t = useTranslations("patients");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [text, setText] = useState(params.get("q") ?? "");
  const q = useDebounced(text.trim(), 250);

  // The query lives in the URL, so a search can be shared, reloaded and navigated back to.
  // Only when it changed: a replace on arrival would cost a server round trip, and could
  // override a link the receptionist has just clicked (New patient).
  const inUrl = params.get("q") ?? "";
  useEffect(() => {
    if (q === inUrl) return;
    const next = q ? `${pathname}?q=${encodeURIComponent(q)}` : pathname;
    router.replace(next, { scroll: false });
  }, [q, inUrl, pathname, router]);

  const query = useInfiniteQuery({
    queryKey: ["patients", q],
    queryFn: ({ pageParam }) => {
      const search = new URLSearchParams({ q, limit: "25" });
      if (pageParam) search.set("cursor", pageParam);
      return apiFetch<Page>(`/api/patients?${search}`);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const patients = query.data?.pages.flatMap((p) => p.patients) ?? [];

  return (
    <div className="space-y-4">
      <div className="relative max-w-xl">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
        <Input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t("searchPlaceholder")}
          aria-label={t("searchLabel")}
          className="pl-9"
          autoFocus
        />
        {query.isFetching ? (
          <Loader2 className="absolute top-1/2 right-3 size-4 -translate-y-1/2 animate-spin text-slate-400" aria-label={t("loading")} />
        ) : null}
      </div>

      {query.isError ? (
        <Alert>
          {t("loadError")}{" "}
          <button type="button" className="font-medium underline" onClick={() => query.refetch()}>
            {t("retry")}
          </button>
        </Alert>
      ) : null}

      {query.isPending ? (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200" aria-busy="true">
          {Array.from({ length: 6 }, (_, i) => (
            <li key={i} className="h-16 animate-pulse px-4 py-3">
              <div className="h-4 w-48 rounded bg-slate-200" />
              <div className="mt-2 h-3 w-72 rounded bg-slate-100" />
            </li>
          ))}
        </ul>
      ) : patients.length === 0 && !query.isError ? (
        <EmptyState icon={UserX} title={q ? t("noMatch", { q }) : t("none")}>
          {q ? t("noMatchHint") : null}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200" data-testid="patient-results">
          {patients.map((p) => (
            <li key={p.id}>
              <Link href={`/patients/${p.id}`} className="block px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50">
                <span className="font-medium text-slate-900">
                  {p.lastName.toUpperCase()} {p.firstName}
                </span>
                <span className="mt-0.5 flex flex-wrap gap-x-4 text-sm text-slate-600">
                  <span className="inline-flex items-center gap-1">
                    <Phone className="size-3.5" aria-hidden />
                    {p.phoneDisplay ?? <em className="text-slate-500">{t("noPhone")}</em>}
                  </span>
                  <span className="inline-flex items-center gap-1">
                    <Mail className="size-3.5" aria-hidden />
                    {p.email ?? <em className="text-slate-500">{t("noEmail")}</em>}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}

      {query.hasNextPage ? (
        <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? t("loading") : t("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
