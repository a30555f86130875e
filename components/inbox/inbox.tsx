"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { Archive, ArchiveRestore, Download, Inbox as InboxIcon, MailOpen, Search, Star } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/field";
import { apiFetch } from "@/lib/api/client";
import { AttachPatientDialog } from "./attach-patient-dialog";
import { CallLogDialog } from "./call-log-dialog";
import { Composer } from "./composer";
import { ConversationList } from "./conversation-list";
import { Thread } from "./thread";
import type { ConversationItem, ListPage, ThreadPage } from "./types";
import { useLiveUpdates } from "./use-live-updates";

// While the live feed is down the inbox still refreshes, more slowly.
const FALLBACK_POLL_MS = 15_000;

const FILTERS = ["status", "type", "direction", "starred", "q"] as const;

// The Communication Hub: conversation list beside the open thread and its composer. Filters
// and the open conversation live in the URL. Keys: j / k next and previous, r reply, s star,
// e archive.
export function Inbox() {
  const t = useTranslations("inbox");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const client = useQueryClient();
  const replyRef = useRef<HTMLTextAreaElement>(null);
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
    mutationFn: ({ id, change }: { id: string; change: Record<string, boolean> }) => apiFetch(`/api/conversations/${id}`, { method: "PATCH", body: JSON.stringify(change) }),
    onMutate: async ({ id, change }) => {
      await client.cancelQueries({ queryKey: listKey });
      const before = client.getQueryData<InfiniteData<ListPage>>(listKey);
      const patch = (c: ConversationItem): ConversationItem =>
        c.id !== id
          ? c
          : {
              ...c,
              ...(change.starred !== undefined ? { starred: change.starred } : {}),
              ...(change.read ? { status: c.status === "unread" ? "read" : c.status, unreadCount: 0 } : {}),
              ...(change.archived === true ? { status: "archived" } : change.archived === false ? { status: "read" } : {}),
            };
      client.setQueryData<InfiniteData<ListPage>>(listKey, (data) => data && { ...data, pages: data.pages.map((p) => ({ ...p, conversations: p.conversations.map(patch) })) });
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

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || e.metaKey || e.ctrlKey || e.altKey) return;
      const index = items.findIndex((c) => c.id === selectedId);
      if (e.key === "j" && items.length) setParam("c", items[Math.min(items.length - 1, index + 1)].id);
      else if (e.key === "k" && items.length) setParam("c", items[Math.max(0, index - 1)].id);
      else if (e.key === "r") {
        e.preventDefault();
        replyRef.current?.focus();
      } else if (e.key === "s" && current) update.mutate({ id: current.id, change: { starred: !current.starred } });
      else if (e.key === "e" && current) update.mutate({ id: current.id, change: { archived: current.status !== "archived" } });
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items, selectedId, current, setParam, update]);

  const unread = list.data?.pages[0]?.unread;
  return (
    <div className="flex h-[calc(100vh-7rem)] overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
      <section className="flex w-96 shrink-0 flex-col border-r border-slate-200" aria-label={t("conversations")}>
        <div className="space-y-2 border-b border-slate-200 p-3">
          <div className="relative">
            <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400" aria-hidden />
            <Input
              type="search"
              aria-label={t("search")}
              placeholder={t("search")}
              defaultValue={params.get("q") ?? ""}
              className="pl-9"
              onKeyDown={(e) => {
                if (e.key === "Enter") setParam("q", e.currentTarget.value.trim() || null);
              }}
            />
          </div>
          <div className="grid grid-cols-3 gap-2">
            <Select aria-label={t("filters.status")} value={params.get("status") ?? ""} onChange={(e) => setParam("status", e.target.value || null)} className="h-9 text-xs">
              <option value="">{t("filters.anyStatus")}</option>
              {(["unread", "read", "replied", "archived"] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                  {s === "unread" && unread?.unread ? ` (${unread.unread})` : ""}
                </option>
              ))}
            </Select>
            <Select aria-label={t("filters.type")} value={params.get("type") ?? ""} onChange={(e) => setParam("type", e.target.value || null)} className="h-9 text-xs">
              <option value="">{t("filters.anyType")}</option>
              {(["sms", "email", "portal", "call", "whatsapp"] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`channels.${c}`)}
                </option>
              ))}
            </Select>
            <Select aria-label={t("filters.direction")} value={params.get("direction") ?? ""} onChange={(e) => setParam("direction", e.target.value || null)} className="h-9 text-xs">
              <option value="">{t("filters.anyDirection")}</option>
              <option value="inbound">{t("filters.inbound")}</option>
              <option value="outbound">{t("filters.outbound")}</option>
            </Select>
          </div>
          <div className="flex items-center justify-between">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={params.get("starred") === "true"} onChange={(e) => setParam("starred", e.target.checked ? "true" : null)} />
              {t("filters.starredOnly")}
            </label>
            <span className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="live-status" data-live={live}>
              <span className={live ? "size-2 rounded-full bg-emerald-500" : "size-2 rounded-full bg-slate-300"} aria-hidden />
              {t(live ? "live" : "reconnecting")}
            </span>
          </div>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none" tabIndex={0} role="region" aria-label={t("conversations")}>
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

      <section className="flex min-w-0 flex-1 flex-col bg-slate-50" aria-label={t("thread")}>
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
            <header className="flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-3">
              <div className="min-w-0">
                <h2 className="truncate font-semibold" data-testid="thread-title">
                  {conversation.patientName ?? `${t("unknownSender")} ${conversation.contactAddress ?? ""}`}
                </h2>
                <p className="text-xs text-slate-500">{[conversation.phone, conversation.email].filter(Boolean).join(" · ")}</p>
              </div>
              <div className="flex items-center gap-1">
                <CallLogDialog conversationId={conversation.id} />
                <a href={`/api/conversations/${conversation.id}/export`} download className="inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100">
                  <Download className="size-4" aria-hidden /> {t("export")}
                </a>
                <Button variant="ghost" size="sm" aria-pressed={current?.starred} onClick={() => update.mutate({ id: conversation.id, change: { starred: !current?.starred } })}>
                  <Star className={current?.starred ? "size-4 fill-amber-400 text-amber-500" : "size-4"} aria-hidden /> {t(current?.starred ? "unstar" : "star")}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => update.mutate({ id: conversation.id, change: { read: false } })}>
                  <MailOpen className="size-4" aria-hidden /> {t("markUnread")}
                </Button>
                <Button variant="ghost" size="sm" onClick={() => update.mutate({ id: conversation.id, change: { archived: current?.status !== "archived" } })}>
                  {current?.status === "archived" ? <ArchiveRestore className="size-4" aria-hidden /> : <Archive className="size-4" aria-hidden />}
                  {t(current?.status === "archived" ? "unarchive" : "archive")}
                </Button>
              </div>
            </header>
            {/* Focusable so the timeline can be scrolled from the keyboard. */}
            <div className="min-h-0 flex-1 overflow-y-auto focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none" tabIndex={0} role="region" aria-label={t("timeline")}>
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
              <div className="flex items-center justify-between gap-3 border-t bg-white p-4 text-sm text-slate-600">
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
