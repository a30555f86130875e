"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useAnnounce } from "@/components/shell/announcer";
import type { ConversationItem } from "./types";

type Seen = { unread: Map<string, number>; newest: string };

// Says "New message from Paul Martin" when a patient writes while the list is on screen:
// a conversation whose unread count went up, or one that appeared with a message newer than
// anything shown before (not one merely paged in or brought by a filter change).
export function useArrivalAnnouncements(items: ConversationItem[], filters: string, nameOf: (c: ConversationItem) => string) {
  const t = useTranslations("inbox");
  const announce = useAnnounce();
  const seen = useRef<{ filters: string; state: Seen } | null>(null);
  useEffect(() => {
    if (!items.length) return;
    const before = seen.current?.filters === filters ? seen.current.state : null;
    const arrived = before
      ? items.filter((c) => {
          const had = before.unread.get(c.id);
          return had === undefined ? c.unreadCount > 0 && c.lastMessageAt > before.newest : c.unreadCount > had;
        })
      : [];
    const unread = new Map(before?.unread);
    for (const c of items) unread.set(c.id, c.unreadCount);
    const newest = items.reduce((max, c) => (c.lastMessageAt > max ? c.lastMessageAt : max), before?.newest ?? "");
    seen.current = { filters, state: { unread, newest } };
    if (arrived.length === 1) announce(t("arrived", { name: nameOf(arrived[0]) }));
    else if (arrived.length > 1) announce(t("arrivedMany", { count: arrived.length }));
  }, [items, filters, nameOf, announce, t]);
}
