"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { BellOff } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { apiFetch } from "@/lib/api/client";
import { useAlerts, useMarkAlert, useMarkAllRead, type AlertPage } from "./alerts-live";

// Every alert of the signed-in staff member, newest first, page by page: open, mark read or
// unread, mark all read.
export function AlertList() {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // The bell's query keeps the unread count current (live or polled); this one pages.
  const { data: counts } = useAlerts({ limit: 1 });
  const list = useInfiniteQuery({
    queryKey: ["alerts", "page", unreadOnly],
    queryFn: ({ pageParam }) =>
      apiFetch<AlertPage>(`/api/me/alerts?limit=30${unreadOnly ? "&unread=true" : ""}${pageParam ? `&cursor=${pageParam}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const mark = useMarkAlert();
  const markAll = useMarkAllRead();
  const alerts = list.data?.pages.flatMap((p) => p.alerts) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label={t("title")} className="flex gap-1">
          {[false, true].map((only) => (
            <Button
              key={String(only)}
              variant={unreadOnly === only ? "primary" : "secondary"}
              size="sm"
              aria-pressed={unreadOnly === only}
              onClick={() => setUnreadOnly(only)}
            >
              {only ? t("onlyUnread") : t("all")}
            </Button>
          ))}
        </div>
        <Button
          variant="secondary"
          size="sm"
          className="ml-auto"
          disabled={!counts?.unread || markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t("markAllRead")}
        </Button>
      </div>
      {list.isError ? <p className="text-sm text-red-700">{t("loadError")}</p> : null}
      {list.isSuccess && !alerts.length ? <EmptyState icon={BellOff} title={t("empty")} /> : null}
      {alerts.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" data-testid="alert-list">
          {alerts.map((a) => (
            <li
              key={a.id}
              className={cn("flex flex-wrap items-start gap-3 px-4 py-3", !a.readAt && "bg-brand-50")}
              data-unread={!a.readAt}
              data-testid="alert"
            >
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {!a.readAt ? <span className="sr-only">{t("unread")}: </span> : null}
                  {a.title}
                </p>
                <p className="text-sm text-slate-700">{a.body}</p>
                <p className="text-xs text-slate-600">
                  {format.dateTime(new Date(a.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                </p>
              </div>
              <div className="flex items-center gap-2">
                {a.link ? (
                  <Button asChild variant="secondary" size="sm">
                    <Link href={a.link} onClick={() => !a.readAt && mark.mutate({ id: a.id, read: true })}>
                      {t("open")}
                    </Link>
                  </Button>
                ) : null}
                <Button variant="ghost" size="sm" onClick={() => mark.mutate({ id: a.id, read: !a.readAt })}>
                  {a.readAt ? t("markUnread") : t("markRead")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {list.hasNextPage ? (
        <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
