"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { useAlerts, useMarkAlert, useMarkAllRead } from "./alerts-live";

// The bell in the app shell: the unread count, and the latest alerts in a panel, each opening
// what it is about.
export function AlertBell({ className }: { className?: string }) {
  const t = useTranslations("alerts");
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const { data, isError } = useAlerts({ limit: 8 });
  const mark = useMarkAlert();
  const markAll = useMarkAllRead();
  const unread = data?.unread ?? 0;
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <Popover.Trigger
        className={cn("relative rounded-md p-2 text-slate-700 hover:bg-slate-100", className)}
        aria-label={t("bell", { count: unread })}
        data-testid="alert-bell"
      >
        <Bell className="size-5" aria-hidden />
        {unread ? (
          <span
            className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white"
            data-testid="alert-count"
            aria-hidden
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          className="z-50 w-[min(92vw,22rem)] rounded-lg bg-white shadow-lg ring-1 ring-slate-200"
          aria-label={t("title")}
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
            <h2 className="text-sm font-semibold">{t("title")}</h2>
            <button
              type="button"
              className="text-sm text-brand-700 hover:underline disabled:text-slate-400"
              disabled={!unread || markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t("markAllRead")}
            </button>
          </div>
          {isError ? <p className="px-4 py-6 text-sm text-red-700">{t("loadError")}</p> : null}
          {data && !data.alerts.length ? <p className="px-4 py-6 text-sm text-slate-600">{t("empty")}</p> : null}
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto" data-testid="alert-panel">
            {data?.alerts.map((a) => (
              <li key={a.id} className={cn("px-4 py-2", !a.readAt && "bg-brand-50")} data-unread={!a.readAt}>
                <Link
                  href={a.link ?? "/alerts"}
                  className="block"
                  onClick={() => {
                    if (!a.readAt) mark.mutate({ id: a.id, read: true });
                    setOpen(false);
                  }}
                >
                  <span className="block text-sm font-medium">
                    {!a.readAt ? <span className="sr-only">{t("unread")}: </span> : null}
                    {a.title}
                  </span>
                  <span className="line-clamp-2 block text-sm text-slate-700">{a.body}</span>
                  <span className="block text-xs text-slate-600">{format.relativeTime(new Date(a.createdAt))}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="border-t border-slate-100 px-4 py-2">
            <Link href="/alerts" className="text-sm font-medium text-brand-700 hover:underline" onClick={() => setOpen(false)}>
              {t("seeAll")}
            </Link>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
