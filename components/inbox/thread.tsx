"use client";

import { Check, CheckCheck, Paperclip, Phone, TriangleAlert } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { kilobytes } from "./attachment-picker";
import type { ThreadMessage } from "./types";

// Delivery ticks from the provider's receipts: one tick sent, two delivered, blue read.
function Ticks({ status, error }: { status: string | null; error: string | null }) {
  const t = useTranslations("inbox.ticks");
  if (!status) return null;
  if (status === "failed" || status === "bounced" || status === "skipped")
    return (
      <span className="inline-flex items-center gap-1 text-red-700" title={error ?? undefined} data-testid="tick" data-tick={status}>
        <TriangleAlert className="size-3.5" aria-hidden /> {t("failed")}
      </span>
    );
  const label = t(status === "read" ? "read" : status === "delivered" ? "delivered" : status === "sent" ? "sent" : "sending");
  const Icon = status === "delivered" || status === "read" ? CheckCheck : Check;
  return (
    <span
      className={cn("inline-flex items-center gap-1", status === "read" ? "text-sky-700" : "text-slate-500")}
      data-testid="tick"
      data-tick={status}
    >
      <Icon className="size-3.5" aria-hidden /> {label}
    </span>
  );
}

export function Thread({ messages }: { messages: ThreadMessage[] }) {
  const t = useTranslations("inbox");
  const tChannel = useTranslations("inbox.channels");
  const format = useFormatter();
  return (
    <ol className="flex flex-col-reverse gap-3 p-4" data-testid="thread" aria-label={t("timeline")}>
      {messages.map((m) => (
        <li
          key={m.id}
          className={cn("max-w-[75%]", m.direction === "outbound" ? "self-end" : "self-start")}
          data-testid="message"
          data-channel={m.channel}
        >
          {m.channel === "call" ? (
            <div className="rounded-lg border border-dashed border-slate-300 bg-white px-3 py-2 text-sm">
              <p className="flex items-center gap-2 font-medium">
                <Phone className="size-4" aria-hidden />{" "}
                {t(m.direction === "inbound" ? "callIn" : "callOut", { minutes: Math.round((m.callDurationSeconds ?? 0) / 60) })}
              </p>
              <p className="whitespace-pre-line text-slate-700">{m.body}</p>
            </div>
          ) : (
            <div
              className={cn(
                "rounded-2xl px-3 py-2 text-sm",
                m.direction === "outbound" ? "bg-brand-600 text-white" : "bg-white ring-1 ring-slate-200",
              )}
            >
              {m.subject ? <p className="font-semibold">{m.subject}</p> : null}
              <p className="whitespace-pre-line">{m.body}</p>
              {m.attachments.length ? (
                <ul className="mt-2 space-y-1" data-testid="message-attachments">
                  {m.attachments.map((a) => (
                    <li key={a.id}>
                      <a href={`/api/attachments/${a.id}`} download className="inline-flex items-center gap-1 underline underline-offset-2">
                        <Paperclip className="size-3.5" aria-hidden /> {a.fileName} <span>({kilobytes(a.sizeBytes)})</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {m.senderCheck ? (
                <p className="mt-2 flex items-start gap-1 text-xs text-amber-800" data-testid="sender-unverified">
                  <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden />{" "}
                  {t("senderUnverified", {
                    checks: Object.entries(m.senderCheck)
                      .filter(([, status]) => status)
                      .map(([check, status]) => `${check.toUpperCase()} ${status}`)
                      .join(", "),
                  })}
                </p>
              ) : null}
              {m.refusedAttachments.map((r) => (
                <p key={r.fileName} className="mt-2 flex items-start gap-1 text-xs text-amber-800" data-testid="refused-attachment">
                  <TriangleAlert className="mt-0.5 size-3.5 shrink-0" aria-hidden />{" "}
                  {t("refusedFile", { name: r.fileName, reason: r.reason })}
                </p>
              ))}
            </div>
          )}
          <p className={cn("mt-1 flex gap-2 text-xs text-slate-500", m.direction === "outbound" && "justify-end")}>
            <span>{tChannel(m.channel)}</span>
            <time dateTime={m.createdAt}>{format.dateTime(new Date(m.createdAt), { dateStyle: "short", timeStyle: "short" })}</time>
            {m.authorName ? <span>{m.authorName}</span> : null}
            {m.direction === "outbound" && m.channel !== "call" && m.channel !== "portal" ? (
              <Ticks status={m.deliveryStatus} error={m.deliveryError} />
            ) : null}
          </p>
        </li>
      ))}
    </ol>
  );
}
