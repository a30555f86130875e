"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { Inbox as InboxIcon, Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { ShortcutHelp } from "@/components/shortcuts/shortcut-help";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { apiFetch } from "@/lib/api/client";
import { AttachPatientDialog } from "./attach-patient-dialog";
import { Composer } from "./composer";
import { ConversationList } from "./conversation-list";
import { Thread } from "./thread";
import { ThreadHeader } from "./thread-header";
import type { ConversationItem, ListPage, ThreadPage } from "./types";
import { useArrivalAnnouncements } from "./use-arrival-announcements";
import { CONVERSATION_SELECTOR, INBOX_SHORTCUTS, useInboxShortcuts } from "./use-inbox-shortcuts";
import { useLiveUpdates } from "./use-live-updates";

// While the live feed is down the inbox still refreshes, more slowly.
const FALLBACK_POLL_MS = 15_000;

const FILTERS = ["status", "type", "direction", "starred", "q"] as const;

// The Communication Hub: conversation list beside the open thread and its composer. Filters
// and the open conversation live in the URL; every action has a key (use-inbox-shortcuts.ts).
export function Inbox() {
  const t = useTranslations("inbox");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const client = useQueryClient();
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const nameOf = useCallback((c: ConversationItem) => c.patientName ?? `${t("unknownSender")} ${c.contactAddress ?? ""}`.trim(), [t]);
  const selectedId = params.get("c");
  const live = useLiveUpdates();

  const setParam = useCallback(
    (key: string, value: string | null) => {
      const next = new URLSearchParams(params);
      if (value) next.set(key, value);
      else next.delete(key);
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [params, pathname, router],
  );

  // A new search shows its results, not the conversation that was open before it.
  const search = (q: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("c");
    if (q) next.set("q", q);
    else next.delete("q");
    router.replace(`${pathname}?${next}`, { scroll: false });
  };

  const filters = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filters.set(key, value);
  }
  const listKey = ["conversations", filters.toString()];
  const list = useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam }) => apiFetch<ListPage>(`/api/conversations?${filters}${pageParam ? `&cursor=${pageParam}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.conversations) ?? [], [list.data]);

  const thread = useInfiniteQuery({
    queryKey: ["thread", selectedId],
    queryFn: ({ pageParam }) => apiFetch<ThreadPage>(`/api/conversations/${selectedId}${pageParam ? `?cursor=${pageParam}` : ""}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: Boolean(selectedId),
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
  const conversation = thread.data?.pages[0]?.conversation;
  const current = items.find((c) => c.id === selectedId) ?? conversation;

  // Optimistic: the list shows the change at once and rolls back if the server refuses.
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: Record<string, boolean> }) =>
      apiFetch(`/api/conversations/${id}`, { method: "PATCH", body: JSON.stringify(change) }),
    onMutate: async ({ id, change }) => {
      await client.cancelQueries({ queryKey: listKey });
      const before = client.getQueryData<InfiniteData<ListPage>>(listKey);
      const patch = (c: ConversationItem): ConversationItem =>
        c.id !== id
          ? c
          : {
              ...c,
              ...(change.starred !== undefined ? { starred: change.starred } : {}),
              ...(change.read
                ? { status: c.status === "unread" ? "read" : c.status, unreadCount: 0 }
                : change.read === false
                  ? { status: "unread" }
                  : {}),
              ...(change.archived === true ? { status: "archived" } : change.archived === false ? { status: "read" } : {}),
            };
      client.setQueryData<InfiniteData<ListPage>>(
        listKey,
        (data) => data && { ...data, pages: data.pages.map((p) => ({ ...p, conversations: p.conversations.map(patch) })) },
      );
      return { before };
    },
    onError: (_e, _v, context) => client.setQueryData(listKey, context?.before),
    onSettled: () => client.invalidateQueries({ queryKey: ["conversations"] }),
  });

  // Opening an unread conversation marks it read.
  useEffect(() => {
    if (current && current.status === "unread" && !update.isPending) update.mutate({ id: current.id, change: { read: true } });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current?.id, current?.status]);

  // The conversation a key acts on: the one focused in the list, else the open one.
  const inHand = useCallback((): ConversationItem | undefined => {
    const id = (document.activeElement as HTMLElement | null)?.closest(CONVERSATION_SELECTOR)?.getAttribute("data-id");
    return items.find((c) => c.id === id) ?? current;
  }, [items, current]);

  // Focus goes to a list entry now, or once it is rendered (after closing the thread on a phone).
  const pendingFocus = useRef<string | null>(null);
  const focusEntry = (id: string | null | undefined) => {
    const entry = id ? document.querySelector<HTMLElement>(`${CONVERSATION_SELECTOR}[data-id="${id}"]`) : null;
    if (entry && entry.offsetParent !== null) {
      entry.focus();
      pendingFocus.current = null;
    } else pendingFocus.current = id ?? null;
  };
  useEffect(() => {
    if (pendingFocus.current) focusEntry(pendingFocus.current);
  });
  const listShown = () => listRef.current?.offsetParent !== null;

  const star = (c = inHand()) => c && update.mutate({ id: c.id, change: { starred: !c.starred } });
  const archive = (c = inHand()) => {
    if (!c) return;
    // Archiving from the list moves on to the neighbour, as the entry leaves the open list.
    const fromList = Boolean((document.activeElement as HTMLElement | null)?.closest(CONVERSATION_SELECTOR));
    const index = items.findIndex((x) => x.id === c.id);
    const neighbour = items[index + 1] ?? items[index - 1];
    update.mutate({ id: c.id, change: { archived: c.status !== "archived" } });
    if (fromList && neighbour) focusEntry(neighbour.id);
  };
  // Unread again means "not dealt with": the thread closes so opening it does not re-read it.
  const markUnread = (c = inHand()) => {
    if (!c) return;
    update.mutate({ id: c.id, change: { read: false } });
    if (c.id === selectedId) setParam("c", null);
    focusEntry(c.id);
  };
  const backToList = () => {
    if (!listShown()) setParam("c", null);
    focusEntry(selectedId ?? items[0]?.id);
  };
  // A key that changes data acts on the focused list entry, or on the open thread once its
  // composer is there: letters typed while a slow thread loads (the start of a reply) must not
  // star, archive or mark it unread.
  const whenReady = (act: () => void) => {
    const fromList = Boolean((document.activeElement as HTMLElement | null)?.closest(CONVERSATION_SELECTOR));
    if (fromList || replyRef.current) act();
  };
  useInboxShortcuts(
    {
      reply: () => replyRef.current?.focus(),
      star: () => whenReady(star),
      archive: () => whenReady(archive),
      markUnread: () => whenReady(markUnread),
      search: () => searchRef.current?.focus(),
      backToList,
    },
    [inHand, items, selectedId, setParam],
  );
  useArrivalAnnouncements(items, filters.toString(), nameOf);

  const unread = list.data?.pages[0]?.unread;
  const shortcutLabels = useTranslations("shortcuts.inbox");
  return (
    <div className="flex h-[calc(100dvh-6.5rem)] min-h-[26rem] overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 md:h-[calc(100dvh-3rem)]">
      <h1 className="sr-only">{t("title")}</h1>
      {/* Side by side from tablet width; below it, the list or the open thread. */}
      <section
        ref={listRef}
        className={cn(
          "w-full min-w-0 flex-col border-slate-200 md:flex md:w-80 md:shrink-0 md:border-r lg:w-96",
          selectedId ? "hidden" : "flex",
        )}
        aria-label={t("conversations")}
      >
        <div className="space-y-2 border-b border-slate-200 p-3">
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
            <Input
              ref={searchRef}
              type="search"
              aria-label={t("search")}
              placeholder={t("search")}
              defaultValue={params.get("q") ?? ""}
              className="pl-9"
              onKeyDown={(e) => {
                if (e.key === "Enter") search(e.currentTarget.value.trim() || null);
              }}
            />
          </div>
          <div className="grid grid-cols-3 gap-2">
            <Select
              aria-label={t("filters.status")}
              value={params.get("status") ?? ""}
              onChange={(e) => setParam("status", e.target.value || null)}
              className="h-9 w-full min-w-0 text-xs"
            >
              <option value="">{t("filters.anyStatus")}</option>
              {(["unread", "read", "replied", "archived"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                  {s === "unread" && unread?.unread ? ` (${unread.unread})` : ""}
                </option>
              ))}
            </Select>
            <Select
              aria-label={t("filters.type")}
              value={params.get("type") ?? ""}
              onChange={(e) => setParam("type", e.target.value || null)}
              className="h-9 w-full min-w-0 text-xs"
            >
              <option value="">{t("filters.anyType")}</option>
              {(["sms", "email", "portal", "call", "whatsapp"] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </Select>
            <Select
              aria-label={t("filters.direction")}
              value={params.get("direction") ?? ""}
              onChange={(e) => setParam("direction", e.target.value || null)}
              className="h-9 w-full min-w-0 text-xs"
            >
              <option value="">{t("filters.anyDirection")}</option>
              <option value="inbound">{t("filters.inbound")}</option>
              <option value="outbound">{t("filters.outbound")}</option>
            </Select>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={params.get("starred") === "true"}
                onChange={(e) => setParam("starred", e.target.checked ? "true" : null)}
              />
              {t("filters.starredOnly")}
            </label>
            <span className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="live-status" data-live={live}>
              <span className={live ? "size-2 rounded-full bg-emerald-500" : "size-2 rounded-full bg-slate-300"} aria-hidden />
              {t(live ? "live" : "reconnecting")}
            </span>
            <ShortcutHelp shortcuts={INBOX_SHORTCUTS.map(({ keys, label }) => ({ keys: [...keys], label: shortcutLabels(label) }))} />
          </div>
        </div>
        <div
          className="min-h-0 flex-1 overflow-y-auto focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
          tabIndex={0}
          role="region"
          aria-label={t("conversations")}
        >
          {list.isError ? <Alert className="m-3">{t("loadError")}</Alert> : null}
          {list.isPending ? <p className="p-4 text-sm text-slate-500">{t("loading")}</p> : null}
          {list.isSuccess && items.length === 0 ? <p className="p-4 text-sm text-slate-500">{t("noConversations")}</p> : null}
          <ConversationList items={items} selectedId={selectedId} onSelect={(id) => setParam("c", id)} />
          {list.hasNextPage ? (
            <Button variant="ghost" className="w-full" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {t("more")}
            </Button>
          ) : null}
        </div>
      </section>

      <section className={cn("min-w-0 flex-1 flex-col bg-slate-50 md:flex", selectedId ? "flex" : "hidden")} aria-label={t("thread")}>
        {!selectedId ? (
          <div className="m-auto p-6">
            <EmptyState icon={InboxIcon} title={t("pick")}>
              {t("keys")}
            </EmptyState>
          </div>
        ) : thread.isError ? (
          <Alert className="m-4">{t("loadError")}</Alert>
        ) : !conversation ? (
          <p className="p-4 text-sm text-slate-500">{t("loading")}</p>
        ) : (
          <>
            <ThreadHeader
              conversation={conversation}
              current={current}
              onBack={() => {
                setParam("c", null);
                focusEntry(conversation.id);
              }}
              onStar={() => star(current)}
              onMarkUnread={() => markUnread(current)}
              onArchive={() => archive(current)}
            />
            {/* Focusable so the timeline can be scrolled from the keyboard. */}
            <div
              className="min-h-0 flex-1 overflow-y-auto focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
              tabIndex={0}
              role="region"
              aria-label={t("timeline")}
            >
              {thread.hasNextPage ? (
                <Button variant="ghost" className="w-full" onClick={() => thread.fetchNextPage()} disabled={thread.isFetchingNextPage}>
                  {t("older")}
                </Button>
              ) : null}
              <Thread messages={thread.data!.pages.flatMap((p) => p.messages)} />
            </div>
            {conversation.patientId ? (
              <Composer key={conversation.id} ref={replyRef} conversationId={conversation.id} channels={thread.data!.pages[0].composer} />
            ) : (
              <div className="flex flex-wrap items-center justify-between gap-3 border-t bg-white p-4 text-sm text-slate-600">
                <p>{t("attachFirst")}</p>
                <AttachPatientDialog conversationId={conversation.id} contactAddress={conversation.contactAddress} />
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
