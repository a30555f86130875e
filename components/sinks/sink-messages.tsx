"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, Globe, Inbox, Mail, MessageCircle, MessageSquare, Paperclip, Send, Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { apiFetch } from "@/lib/api/client";
import type { SinkMessage } from "@/lib/local-sinks/sink-store";

// The files that came with a message, as a mail client or WhatsApp lists them.
function Files({ m }: { m: SinkMessage }) {
  if (!m.attachments?.length) return null;
  return (
    <ul className="flex flex-wrap gap-2 px-4 py-2 text-xs" data-testid="sink-attachments">
      {m.attachments.map((a) => (
        <li key={a.fileName} className="flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-slate-700">
          <Paperclip className="size-3" aria-hidden /> {a.fileName} ({Math.ceil(a.sizeBytes / 1024)} KB)
        </li>
      ))}
    </ul>
  );
}

// Each message the way its recipient would see it: a WhatsApp bubble, an SMS, an email,
// a phone's lock-screen notification, a browser notification.
// Times read on the clinic's clock, as its staff and patients read them, not the browser's.
function Message({ m, timeZone }: { m: SinkMessage; timeZone: string }) {
  const t = useTranslations("sinks");
  const tChannel = useTranslations("channels");
  const format = useFormatter();
  const header = (
    <p className="mb-1 flex items-center justify-between gap-2 text-xs text-slate-500">
      <span>
        {tChannel(m.channel)} · {t("to")}{" "}
        <span className="font-mono">{m.channel === "push" || m.channel === "web_push" ? `…${m.to.slice(-8)}` : m.to}</span>
      </span>
      <time dateTime={m.at}>{format.dateTime(new Date(m.at), { dateStyle: "short", timeStyle: "medium", timeZone })}</time>
    </p>
  );
  switch (m.channel) {
    case "whatsapp":
      return (
        <div>
          {header}
          <div className="max-w-md rounded-lg rounded-tl-none bg-[#dcf8c6] px-3 py-2 text-sm shadow-sm">
            {m.template ? (
              <>
                <p className="text-xs font-medium text-emerald-900">
                  {t("template")}: {m.template.name} ({m.template.language})
                </p>
                <p>{m.template.parameters.join(" · ")}</p>
              </>
            ) : (
              <p className="whitespace-pre-line">{m.text}</p>
            )}
            <Files m={m} />
          </div>
        </div>
      );
    case "sms":
    case "telegram":
      return (
        <div>
          {header}
          <p
            className={`max-w-md rounded-2xl px-3 py-2 text-sm whitespace-pre-line ${m.channel === "sms" ? "bg-slate-200" : "bg-sky-100"}`}
          >
            {m.text}
          </p>
        </div>
      );
    case "email":
      return (
        <div>
          {header}
          <div className="max-w-2xl overflow-hidden rounded-lg bg-white ring-1 ring-slate-200">
            <p className="border-b border-slate-200 px-4 py-2 font-medium">{m.subject}</p>
            {/* No scripts, no same-origin: the email's HTML cannot touch the app. */}
            <iframe title={m.subject ?? "email"} sandbox="" srcDoc={m.html ?? ""} className="h-56 w-full" />
            <Files m={m} />
          </div>
        </div>
      );
    default:
      return (
        <div>
          {header}
          <div className="flex max-w-sm items-start gap-3 rounded-2xl bg-slate-800/90 px-4 py-3 text-white shadow">
            {m.channel === "web_push" ? <Globe className="mt-0.5 size-5" aria-hidden /> : <Bell className="mt-0.5 size-5" aria-hidden />}
            <div>
              <p className="text-sm font-semibold">{m.subject}</p>
              <p className="text-sm text-slate-200">{m.text}</p>
            </div>
          </div>
        </div>
      );
  }
}

const ICONS = { whatsapp: MessageCircle, sms: MessageSquare, email: Mail, telegram: Send } as const;

export function SinkMessages({ timeZone }: { timeZone: string }) {
  const t = useTranslations("sinks");
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ["sinks"],
    queryFn: () => apiFetch<{ messages: SinkMessage[] }>("/api/dev/sinks"),
    refetchInterval: 2000,
  });
  const clear = useMutation({
    mutationFn: () => fetch("/api/dev/sinks", { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["sinks"] }),
  });
  const messages = [...(query.data?.messages ?? [])].reverse();
  return (
    <div className="space-y-4">
      <Button variant="secondary" size="sm" onClick={() => clear.mutate()} disabled={!messages.length}>
        <Trash2 className="size-4" aria-hidden /> {t("clear")}
      </Button>
      {query.isError ? <Alert>{t("unavailable")}</Alert> : null}
      {query.isSuccess && messages.length === 0 ? <EmptyState icon={Inbox} title={t("empty")} /> : null}
      <ul className="space-y-5" data-testid="sink-messages">
        {messages.map((m) => {
          const Icon = ICONS[m.channel as keyof typeof ICONS];
          return (
            <li key={m.id} data-channel={m.channel} data-testid="sink-message" className="flex gap-3">
              {Icon ? <Icon className="mt-5 size-4 shrink-0 text-slate-400" aria-hidden /> : <span className="w-4 shrink-0" />}
              <Message m={m} timeZone={timeZone} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
