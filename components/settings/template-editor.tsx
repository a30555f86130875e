"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel, Input } from "@/components/ui/field";
import { apiFetch, ApiError, fieldError } from "@/lib/api/client";
import { useSave } from "./use-save";

type Template = {
  eventType: string;
  channel: string;
  language: string;
  subject: string | null;
  body: string;
  whatsappTemplateName: string | null;
  whatsappParameters: string[] | null;
  isDefault: boolean;
};
type Preview = {
  preview: {
    subject: string | null;
    text: string;
    sms: { segments: number; encoding: string } | null;
    whatsappTemplate: { name: string; parameters: string[] } | null;
  };
  sample: { patient: string; appointment: string | null };
};

// The value once it has stopped changing for a moment: the preview follows typing, not keys.
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

// One template: its text, the variables it may use, a live preview on a real patient of the
// clinic (with the SMS's segments and encoding), save, and back to the default.
export function TemplateEditor({ template, variables }: { template: Template; variables: readonly string[] }) {
  const t = useTranslations("settings.templates");
  const tChannel = useTranslations("channels");
  const id = useId();
  const [subject, setSubject] = useState(template.subject ?? "");
  const [body, setBody] = useState(template.body);
  const [whatsappName, setWhatsappName] = useState(template.whatsappTemplateName ?? "");
  const key = { eventType: template.eventType, channel: template.channel, language: template.language };
  const draft = {
    ...key,
    subject: subject || null,
    body,
    whatsappTemplateName: whatsappName || null,
    whatsappParameters: template.whatsappParameters,
  };
  const settled = useSettled(JSON.stringify(draft));
  const preview = useQuery({
    queryKey: ["template-preview", settled],
    queryFn: () => apiFetch<Preview>("/api/templates/preview", { method: "POST", body: settled }),
    retry: false,
  });
  const save = useSave("PUT", "/api/templates");
  const reset = useSave("POST", "/api/templates/reset");
  const hasSubject = template.channel === "email" || template.channel === "push";
  const problems = fieldError(save.error, "body") ?? fieldError(preview.error, "body");
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
      data-testid="template"
      data-channel={template.channel}
      data-language={template.language}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft);
        }}
      >
        <h2 id={`${id}-title`} className="font-semibold">
          {tChannel(template.channel)} · {template.language.toUpperCase()}{" "}
          {template.isDefault ? <span className="text-xs font-normal text-slate-600">({t("default")})</span> : null}
        </h2>
        {hasSubject ? (
          <div className="mt-2">
            <FieldLabel htmlFor={`${id}-subject`}>{template.channel === "push" ? t("pushTitle") : t("subject")}</FieldLabel>
            <Input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.target.value)} className="w-full" />
          </div>
        ) : null}
        <div className="mt-2">
          <FieldLabel htmlFor={`${id}-body`}>{t("body")}</FieldLabel>
          <textarea
            id={`${id}-body`}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={template.channel === "email" ? 7 : 3}
            aria-invalid={Boolean(problems)}
            aria-describedby={`${id}-vars${problems ? ` ${id}-problems` : ""}`}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          {problems ? (
            <p id={`${id}-problems`} role="alert" className="mt-1 text-sm text-red-700">
              {problems}
            </p>
          ) : null}
          <p id={`${id}-vars`} className="mt-1 text-xs text-slate-600">
            {t("variables")} {variables.map((v) => `{{${v}}}`).join(" ")}
          </p>
        </div>
        {template.channel === "whatsapp" ? (
          <div className="mt-2">
            <FieldLabel htmlFor={`${id}-wa`}>{t("whatsappName")}</FieldLabel>
            <Input id={`${id}-wa`} value={whatsappName} onChange={(e) => setWhatsappName(e.target.value)} className="w-full font-mono" />
            {fieldError(save.error, "whatsappTemplateName") ? (
              <p className="mt-1 text-sm text-red-700">{fieldError(save.error, "whatsappTemplateName")}</p>
            ) : null}
          </div>
        ) : null}
        <div className="mt-3 rounded-md bg-slate-50 p-3 text-sm" aria-live="polite" data-testid="template-preview">
          <p className="mb-1 text-xs font-medium text-slate-600">
            {preview.data ? t("previewFor", { patient: preview.data.sample.patient }) : t("preview")}
          </p>
          {preview.data ? (
            <>
              {preview.data.preview.subject ? <p className="font-medium">{preview.data.preview.subject}</p> : null}
              <p className="whitespace-pre-wrap">{preview.data.preview.text}</p>
              {preview.data.preview.sms ? (
                <p className="mt-1 text-xs text-slate-600" data-testid="sms-segments">
                  {t("segments", { count: preview.data.preview.sms.segments, encoding: preview.data.preview.sms.encoding })}
                </p>
              ) : null}
            </>
          ) : preview.isError && !problems ? (
            <p className="text-slate-600">{preview.error instanceof ApiError ? preview.error.message : t("previewFailed")}</p>
          ) : null}
        </div>
        {save.error && !problems && !fieldError(save.error, "whatsappTemplateName") ? (
          <Alert className="mt-2">{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert>
        ) : null}
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Button type="submit" size="sm" disabled={save.isPending}>
            {t("save")}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={reset.isPending || template.isDefault}
            onClick={() => reset.mutate(key, { onSuccess: () => window.location.reload() })}
          >
            {t("resetDefault")}
          </Button>
          <span role="status" className="text-sm text-slate-600">
            {save.isSuccess ? t("saved") : ""}
          </span>
        </div>
      </form>
    </section>
  );
}
