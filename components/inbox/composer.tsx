"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";
import { forwardRef, useMemo, useState } from "react";
import { SegmentedMessage } from "sms-segments-calculator";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { ApiError, apiFetch } from "@/lib/api/client";
import { AttachmentPicker, type PendingFile } from "./attachment-picker";
import type { ThreadPage } from "./types";

// Writes in a conversation, or starts the patient's conversation (from the patient page).
type Props = { channels: ThreadPage["composer"]; label?: string; onSent?: (conversationId: string) => void } & (
  { conversationId: string } | { patientId: string }
);

// Writes on one of the channels the patient can receive now. Channels that cannot be used
// stay in the list, disabled, with the reason.
export const Composer = forwardRef<HTMLTextAreaElement, Props>(function Composer(props, ref) {
  const { channels, onSent } = props;
  const conversationId = "conversationId" in props ? props.conversationId : null;
  const t = useTranslations("inbox.composer");
  const tReason = useTranslations("inbox.unavailable");
  const tChannel = useTranslations("inbox.channels");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const client = useQueryClient();
  const firstAvailable = channels.find((c) => c.available && !(c.whatsapp?.mode === "template"))?.channel ?? "portal";
  const [channel, setChannel] = useState<string>(firstAvailable);
  const [body, setBody] = useState("");
  const [subject, setSubject] = useState("");
  const [files, setFiles] = useState<PendingFile[]>([]);
  const selected = channels.find((c) => c.channel === channel);
  // WhatsApp outside the 24-hour window: pick an approved template instead of writing.
  const templates = selected?.available && selected.whatsapp?.mode === "template" ? (selected.templates ?? []) : null;
  const [templateName, setTemplateName] = useState("");
  const template = templates?.find((x) => x.name === templateName) ?? null;
  const ready = templates ? Boolean(template) : Boolean(body.trim());
  const limit = selected?.available ? (selected.attachments ?? 0) : 0;
  const filesProblem =
    files.length > limit
      ? limit === 0
        ? t("noAttachments", { channel: tChannel(channel) })
        : t("tooManyAttachments", { channel: tChannel(channel), limit })
      : null;
  const filesReady = files.every((f) => f.state === "ready");
  const sms = useMemo(() => (channel === "sms" && body ? new SegmentedMessage(body) : null), [channel, body]);

  const send = useMutation({
    mutationFn: () => {
      const message = template
        ? { channel, template: template.name }
        : { channel, body, ...(channel === "email" ? { subject } : {}), attachmentIds: files.map((f) => f.id) };
      return conversationId
        ? apiFetch<{ conversationId: string }>(`/api/conversations/${conversationId}/messages`, {
            method: "POST",
            body: JSON.stringify(message),
          })
        : apiFetch<{ conversationId: string }>("/api/conversations", {
            method: "POST",
            body: JSON.stringify({ patientId: "patientId" in props ? props.patientId : "", message }),
          });
    },
    onSuccess: (result) => {
      setBody("");
      setSubject("");
      setFiles([]);
      setTemplateName("");
      client.invalidateQueries({ queryKey: ["thread", result.conversationId] });
      client.invalidateQueries({ queryKey: ["conversations"] });
      onSent?.(result.conversationId);
    },
  });
  const error = send.error instanceof ApiError ? send.error.message : send.error ? t("failed") : null;
  const windowOpen = selected?.available && selected.whatsapp?.mode === "text" ? selected.whatsapp.windowEndsAt : null;

  return (
    <form
      className="space-y-2 border-t border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !filesProblem && filesReady) send.mutate();
      }}
      aria-label={props.label ?? t("label")}
    >
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <FieldLabel htmlFor="composer-channel">{t("channel")}</FieldLabel>
          <Select id="composer-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            {channels.map((c) => (
              <option key={c.channel} value={c.channel} disabled={!c.available}>
                {tChannel(c.channel)}
                {!c.available
                  ? ` — ${tReason(c.reason ?? "no_phone")}`
                  : c.whatsapp?.mode === "template"
                    ? ` — ${tReason("window_closed")}`
                    : ""}
              </option>
            ))}
          </Select>
        </div>
        {windowOpen ? (
          <p className="pb-2 text-xs text-slate-600" data-testid="whatsapp-window">
            {t("windowLeft", { time: format.relativeTime(new Date(windowOpen), now) })}
          </p>
        ) : null}
      </div>
      {channel === "email" ? (
        <Input aria-label={t("subject")} placeholder={t("subject")} value={subject} onChange={(e) => setSubject(e.target.value)} required />
      ) : null}
      {templates ? (
        <div className="space-y-2">
          <FieldLabel htmlFor="composer-template">{t("template")}</FieldLabel>
          <Select id="composer-template" value={templateName} onChange={(e) => setTemplateName(e.target.value)} className="w-full">
            <option value="">{t("pickTemplate")}</option>
            {templates.map((x) => (
              <option key={x.name} value={x.name}>
                {x.text}
              </option>
            ))}
          </Select>
          <p className="text-xs text-slate-600">{t("templateHint")}</p>
        </div>
      ) : (
        <textarea
          ref={ref}
          aria-label={t("message")}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
          }}
          rows={3}
          maxLength={4096}
          className="w-full rounded-md border border-slate-300 p-2 text-sm focus:border-brand-600 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      )}
      <AttachmentPicker files={files} onChange={setFiles} limit={limit} />
      {filesProblem ? <Alert>{filesProblem}</Alert> : null}
      <div className="flex items-center justify-between gap-3">
        <p className="text-xs text-slate-500" data-testid="sms-counter">
          {sms
            ? t("smsCounter", { characters: body.length, segments: sms.segmentsCount, encoding: sms.encodingName })
            : channel === "portal"
              ? t("portalHint")
              : ""}
        </p>
        <Button type="submit" disabled={send.isPending || !ready || Boolean(filesProblem) || !filesReady}>
          {send.isPending ? t("sending") : t("send")}
        </Button>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
});
