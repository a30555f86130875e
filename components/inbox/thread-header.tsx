"use client";

import { Archive, ArchiveRestore, ArrowLeft, Download, MailOpen, Star } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CallLogDialog } from "./call-log-dialog";
import type { ConversationItem, ThreadPage } from "./types";

type Props = {
  conversation: ThreadPage["conversation"];
  current: ConversationItem | undefined;
  onBack: () => void;
  onStar: () => void;
  onMarkUnread: () => void;
  onArchive: () => void;
};

// The open conversation's name and actions. The back button shows only where the list and
// the thread do not fit side by side (phones, high zoom).
export function ThreadHeader({ conversation, current, onBack, onStar, onMarkUnread, onArchive }: Props) {
  const t = useTranslations("inbox");
  const archived = current?.status === "archived";
  return (
    <header className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-b border-slate-200 bg-white px-3 py-2 sm:px-4 sm:py-3">
      <div className="flex min-w-0 items-center gap-2">
        <Button variant="ghost" size="sm" className="md:hidden" onClick={onBack} aria-label={t("backToList")}>
          <ArrowLeft className="size-4" aria-hidden />
        </Button>
        <div className="min-w-0">
          <h2 className="truncate font-semibold" data-testid="thread-title">
            {conversation.patientName ?? `${t("unknownSender")} ${conversation.contactAddress ?? ""}`}
          </h2>
          <p className="truncate text-xs text-slate-500">{[conversation.phoneDisplay, conversation.email].filter(Boolean).join(" · ")}</p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-1">
        <CallLogDialog conversationId={conversation.id} />
        <a
          href={`/api/conversations/${conversation.id}/export`}
          download
          className="inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          <Download className="size-4" aria-hidden /> {t("export")}
        </a>
        <Button variant="ghost" size="sm" aria-pressed={current?.starred ?? false} onClick={onStar}>
          <Star className={current?.starred ? "size-4 fill-amber-400 text-amber-500" : "size-4"} aria-hidden />{" "}
          {t(current?.starred ? "unstar" : "star")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onMarkUnread}>
          <MailOpen className="size-4" aria-hidden /> {t("markUnread")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onArchive}>
          {archived ? <ArchiveRestore className="size-4" aria-hidden /> : <Archive className="size-4" aria-hidden />}
          {t(archived ? "unarchive" : "archive")}
        </Button>
      </div>
    </header>
  );
}
