"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel, Input } from "@/components/ui/field";
import { apiFetch, ApiError, fieldError } from "@/lib/api/client";
import { useSave } from "./use-save";

type Field = { value: string; secret: boolean; set: boolean };
type ChannelView = { channel: string; enabled: boolean; configured: boolean; fields: Record<string, Field>; updatedAt: string | null };
type Outcome = { ok: true; providerMessageId: string } | { ok: false; kind: string; code: string; message: string };

// "Send a test": the provider's own answer, as it came.
function TestSend({ channel }: { channel: string }) {
  const t = useTranslations("settings.channels");
  const id = useId();
  const [to, setTo] = useState("");
  const test = useMutation({
    mutationFn: () => apiFetch<{ outcome: Outcome }>(`/api/channels/${channel}/test`, { method: "POST", body: JSON.stringify({ to }) }),
  });
  const outcome = test.data?.outcome;
  return (
    <form
      className="mt-4 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3"
      onSubmit={(e) => {
        e.preventDefault();
        test.mutate();
      }}
    >
      <div>
        <FieldLabel htmlFor={`${id}-to`}>{t("testTo")}</FieldLabel>
        <Input id={`${id}-to`} value={to} onChange={(e) => setTo(e.target.value)} placeholder={t(`testPlaceholder.${channel}`)} />
      </div>
      <Button type="submit" variant="secondary" size="sm" disabled={test.isPending || !to.trim()}>
        {t("test")}
      </Button>
      <p role="status" className="basis-full text-sm" data-testid="test-outcome">
        {test.isPending ? t("testing") : null}
        {outcome
          ? outcome.ok
            ? t("testAccepted", { id: outcome.providerMessageId })
            : t("testRefused", { code: outcome.code, message: outcome.message })
          : null}
        {test.error ? (test.error instanceof ApiError ? test.error.message : t("failed")) : null}
      </p>
    </form>
  );
}

function ChannelCard({ view }: { view: ChannelView }) {
  const t = useTranslations("settings.channels");
  const tChannel = useTranslations("channels");
  const id = useId();
  const [enabled, setEnabled] = useState(view.enabled);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(view.fields).map(([k, f]) => [k, f.secret ? "" : f.value])),
  );
  const [serviceAccountJson, setServiceAccountJson] = useState("");
  const save = useSave("PUT", `/api/channels/${view.channel}`);
  const errorOf = (field: string) => fieldError(save.error, field);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
      data-testid="channel-card"
      data-channel={view.channel}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ enabled, config: values, ...(serviceAccountJson ? { serviceAccountJson } : {}) });
        }}
      >
        <div className="flex items-center justify-between gap-3">
          <h2 id={`${id}-title`} className="font-semibold">
            {tChannel(view.channel)}
          </h2>
          <span className={view.configured ? "text-xs text-emerald-800" : "text-xs text-amber-800"}>
            {view.configured ? t("configured") : t("notConfigured")}
          </span>
        </div>
        <label className="mt-2 inline-flex items-center gap-2 text-sm">
          <input type="checkbox" role="switch" checked={enabled} aria-checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t("enabled")}
        </label>
        {view.channel === "push" ? (
          <div className="mt-3">
            <FieldLabel htmlFor={`${id}-sa`}>{t("serviceAccount")}</FieldLabel>
            <textarea
              id={`${id}-sa`}
              value={serviceAccountJson}
              onChange={(e) => setServiceAccountJson(e.target.value)}
              rows={3}
              aria-describedby={`${id}-sa-hint`}
              aria-invalid={Boolean(errorOf("serviceAccountJson"))}
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs"
            />
            <input
              type="file"
              accept="application/json,.json"
              aria-label={t("serviceAccountFile")}
              className="mt-1 text-xs"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) setServiceAccountJson(await file.text());
              }}
            />
            <p id={`${id}-sa-hint`} className="mt-1 text-xs text-slate-600">
              {t("serviceAccountHint")}
            </p>
            {errorOf("serviceAccountJson") ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {errorOf("serviceAccountJson")}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {Object.entries(view.fields).map(([name, field]) => (
            <div key={name}>
              <FieldLabel htmlFor={`${id}-${name}`}>{t.has(`fields.${name}`) ? t(`fields.${name}`) : name}</FieldLabel>
              <Input
                id={`${id}-${name}`}
                type={field.secret ? "password" : "text"}
                autoComplete="off"
                value={values[name] ?? ""}
                placeholder={field.secret && field.set ? t("secretStored", { last: field.value }) : ""}
                onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
                aria-invalid={Boolean(errorOf(name))}
                aria-describedby={errorOf(name) ? `${id}-${name}-error` : undefined}
                className="w-full"
              />
              {errorOf(name) ? (
                <p id={`${id}-${name}-error`} className="mt-1 text-sm text-red-700">
                  {errorOf(name)}
                </p>
              ) : null}
            </div>
          ))}
        </div>
        {save.error && !Object.keys(view.fields).some((f) => errorOf(f)) && !errorOf("serviceAccountJson") ? (
          <Alert className="mt-3">{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert>
        ) : null}
        <div className="mt-3 flex items-center gap-3">
          <Button type="submit" size="sm" disabled={save.isPending}>
            {t("save")}
          </Button>
          <span role="status" className="text-sm text-slate-600">
            {save.isSuccess ? t("saved") : ""}
          </span>
        </div>
      </form>
      <TestSend channel={view.channel} />
    </section>
  );
}

// Settings → Channels: each provider's credentials. Secrets show only their last four
// characters; leaving a secret empty keeps the stored one.
export function ChannelsWorkspace({ channels }: { channels: ChannelView[] }) {
  const t = useTranslations("settings.channels");
  return (
    <div className="space-y-4">
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <div className="grid gap-4 xl:grid-cols-2">
        {channels.map((c) => (
          <ChannelCard key={c.channel} view={c} />
        ))}
      </div>
    </div>
  );
}
