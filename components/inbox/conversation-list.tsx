"use client";

import { Star } from "lucide-react";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ConversationItem } from "./types";

export function ConversationList({
  items,
  selectedId,
  onSelect,
}: {
  items: ConversationItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const now = useNow({ updateInterval: 15_000 });
  return (
    // A list of buttons (not a listbox of options holding buttons, which screen readers cannot
    // announce); the open conversation is marked aria-current.
    <ul aria-label={t("conversations")} className="divide-y divide-slate-100" data-testid="conversation-list">
      {items.map((c) => (
        <li key={c.id}>
          <button
            type="button"
            aria-current={c.id === selectedId ? "true" : undefined}
            onClick={() => onSelect(c.id)}
            data-testid="conversation"
            data-id={c.id}
            data-status={c.status}
            // An inset ring: the scrolling list would clip an outline to a 2 px line.
            className={cn(
              "block w-full px-4 py-3 text-left hover:bg-slate-50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-inset",
              c.id === selectedId && "bg-brand-50",
            )}
          >
            <span className="flex items-center justify-between gap-2">
              <span className={cn("truncate", c.status === "unread" ? "font-semibold text-slate-900" : "text-slate-700")}>
                {c.patientName ?? `${t("unknownSender")} ${c.contactAddress ?? ""}`}
              </span>
              <span className="flex shrink-0 items-center gap-1 text-xs text-slate-600">
                {c.starred ? <Star className="size-3.5 fill-amber-400 text-amber-500" aria-label={t("starred")} /> : null}
                {format.relativeTime(new Date(Math.min(Date.parse(c.lastMessageAt), now.getTime())), now)}
              </span>
            </span>
            <span className="mt-0.5 flex items-center gap-2">
              <span className="truncate text-sm text-slate-600">{c.lastMessagePreview}</span>
              {c.unreadCount > 0 ? (
                <span className="ml-auto rounded-full bg-brand-600 px-1.5 text-xs text-white">
                  {c.unreadCount}
                  <span className="sr-only"> {t("unreadCount", { count: c.unreadCount })}</span>
                </span>
              ) : null}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
