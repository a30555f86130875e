"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Download, FileUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError, apiFetch, fieldError, namesFields } from "@/lib/api/client";

type ImportRow = {
  id: string;
  fileName: string;
  encoding: string;
  delimiter: string;
  status: "uploaded" | "running" | "done" | "failed";
  processed: number;
  created: number;
  updated: number;
  skipped: number;
  failure: string | null;
};
type Uploaded = { import: ImportRow; headers: string[]; preview: string[][]; mapping: Record<string, number> };
type Tally = {
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  errors: { line: number; reason: string; content: string }[];
};

function ErrorList({ errors }: { errors: Tally["errors"] }) {
  const t = useTranslations("settings.import");
  if (!errors.length) return null;
  return (
    <table className="mt-2 w-full text-left text-sm" data-testid="import-errors">
      <caption className="sr-only">{t("skippedRows")}</caption>
      <thead>
        <tr className="text-slate-600">
          <th scope="col" className="py-1 pr-3 font-medium">
            {t("line")}
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            {t("reason")}
          </th>
          <th scope="col" className="py-1 font-medium">
            {t("rowContent")}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {errors.map((e) => (
          <tr key={e.line}>
            <td className="py-1 pr-3 tabular-nums">{e.line}</td>
            <td className="py-1 pr-3">{e.reason}</td>
            <td className="max-w-xs truncate py-1 font-mono text-xs text-slate-600" title={e.content}>
              {e.content}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Patients from the clinic's previous software: upload, check the columns on the first
// rows, a dry run that lists what would be skipped, then the import with its progress.
export function ImportWizard({
  kind,
  fields,
  required,
}: {
  kind: "patients" | "appointments";
  fields: readonly string[];
  required: readonly string[];
}) {
  const t = useTranslations("settings.import");
  const tField = useTranslations("settings.import.fields");
  const id = useId();
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [dry, setDry] = useState<Tally | null>(null);

  const upload = useMutation({
    mutationFn: async (form: FormData) => {
      const response = await fetch("/api/imports", { method: "POST", body: form, headers: { accept: "application/json" } });
      const body = await response.json().catch(() => null);
      if (!response.ok)
        throw new ApiError(
          response.status,
          body?.error?.code ?? "http_error",
          body?.error?.message ?? response.statusText,
          body?.error?.fields,
        );
      return body as Uploaded;
    },
    onSuccess: (result) => {
      setUploaded(result);
      setMapping(result.mapping);
      setDry(null);
    },
  });
  const check = useMutation({
    mutationFn: () => apiFetch<Tally>(`/api/imports/${uploaded!.import.id}/dry-run`, { method: "POST", body: JSON.stringify({ mapping }) }),
    onSuccess: setDry,
  });
  const run = useMutation({
    mutationFn: () =>
      apiFetch<{ import: ImportRow }>(`/api/imports/${uploaded!.import.id}/run`, { method: "POST", body: JSON.stringify({ mapping }) }),
  });
  const progress = useQuery({
    queryKey: ["import", uploaded?.import.id],
    queryFn: () => apiFetch<{ import: ImportRow }>(`/api/imports/${uploaded!.import.id}`),
    enabled: run.isSuccess,
    refetchInterval: (query) => (query.state.data?.import.status === "running" || !query.state.data ? 1000 : false),
  });
  const state = progress.data?.import;
  const total = dry?.rows ?? 0;

  return (
    <div className="space-y-6">
      <form
        className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-5 ring-1 ring-slate-200"
        aria-label={t("uploadLabel")}
        onSubmit={(e) => {
          e.preventDefault();
          upload.mutate(new FormData(e.currentTarget));
        }}
      >
        <FormField
          id={`${id}-file`}
          label={t("file")}
          hint={t("fileHint")}
          error={fieldError(upload.error, "file")}
          className="min-w-64 flex-1"
        >
          {(c) => <Input {...c} name="file" type="file" accept=".csv,text/csv,text/plain" required className="pt-2" />}
        </FormField>
        <input type="hidden" name="kind" value={kind} />
        <Button type="submit" disabled={upload.isPending}>
          <FileUp className="size-4" aria-hidden /> {upload.isPending ? t("uploading") : t("upload")}
        </Button>
      </form>
      {upload.error && !fieldError(upload.error, "file") ? (
        <Alert>{upload.error instanceof ApiError ? upload.error.message : t("failed")}</Alert>
      ) : null}

      {uploaded ? (
        <section aria-labelledby={`${id}-columns`} className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 id={`${id}-columns`} className="font-semibold text-slate-900">
            {t("columns")}
          </h2>
          <p className="text-sm text-slate-600" data-testid="import-detected">
            {t("detected", {
              file: uploaded.import.fileName,
              encoding: uploaded.import.encoding.toUpperCase(),
              delimiter: uploaded.import.delimiter === "\t" ? "tab" : uploaded.import.delimiter,
            })}
          </p>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {fields.map((field) => (
              <FormField
                key={field}
                id={`${id}-map-${field}`}
                label={`${tField(field)}${required.includes(field) ? ` (${t("required")})` : ""}`}
                error={fieldError(check.error, `mapping.${field}`)}
              >
                {(c) => (
                  <Select
                    {...c}
                    className="w-full"
                    value={mapping[field] ?? ""}
                    onChange={(e) => {
                      const next = { ...mapping };
                      if (e.target.value === "") delete next[field];
                      else next[field] = Number(e.target.value);
                      setMapping(next);
                      setDry(null);
                    }}
                  >
                    <option value="">{t("notImported")}</option>
                    {uploaded.headers.map((header, index) => (
                      <option key={index} value={index}>
                        {header}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            ))}
          </div>
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("preview")}>
            <table className="w-full text-left text-xs" data-testid="import-preview">
              <caption className="sr-only">{t("preview")}</caption>
              <thead>
                <tr>
                  {uploaded.headers.map((h, i) => (
                    <th key={i} scope="col" className="border-b border-slate-200 px-2 py-1 font-medium whitespace-nowrap">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {uploaded.preview.map((row, r) => (
                  <tr key={r}>
                    {uploaded.headers.map((_, i) => (
                      <td key={i} className="border-b border-slate-100 px-2 py-1 whitespace-nowrap">
                        {row[i] ?? ""}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {check.error && !namesFields(check.error, "mapping.") ? (
            <Alert>{check.error instanceof ApiError ? check.error.message : t("failed")}</Alert>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="secondary" onClick={() => check.mutate()} disabled={check.isPending || run.isSuccess}>
              {check.isPending ? t("checking") : t("dryRun")}
            </Button>
            {dry ? (
              <Button onClick={() => run.mutate()} disabled={run.isPending || run.isSuccess || dry.rows === dry.skipped}>
                {t(kind === "appointments" ? "runAppointments" : "run", { count: dry.rows - dry.skipped })}
              </Button>
            ) : null}
          </div>
          {dry ? (
            <div role="status" data-testid="dry-run">
              <p className="text-sm font-medium text-slate-800">
                {t("dryResult", { rows: dry.rows, valid: dry.rows - dry.skipped, skipped: dry.skipped })}
              </p>
              <ErrorList errors={dry.errors} />
            </div>
          ) : null}
        </section>
      ) : null}

      {run.isSuccess ? (
        <section aria-labelledby={`${id}-progress`} className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
          <h2 id={`${id}-progress`} className="font-semibold text-slate-900">
            {t("progressTitle")}
          </h2>
          <progress
            className="h-2 w-full accent-brand-600"
            max={Math.max(total, 1)}
            value={state?.processed ?? 0}
            aria-label={t("progressLabel")}
          />
          <p role="status" className="text-sm text-slate-700" data-testid="import-status" data-status={state?.status ?? "running"}>
            {state?.status === "done"
              ? t(kind === "appointments" ? "doneAppointments" : "done", {
                  created: state.created,
                  updated: state.updated,
                  skipped: state.skipped,
                })
              : state?.status === "failed"
                ? t("failedRun", { reason: state.failure ?? "" })
                : t("running", { processed: state?.processed ?? 0, total })}
          </p>
          {state?.status === "done" && state.skipped > 0 ? (
            <a
              href={`/api/imports/${state.id}/errors`}
              download
              className="inline-flex items-center gap-2 text-sm font-medium text-brand-700 underline"
            >
              <Download className="size-4" aria-hidden /> {t("report")}
            </a>
          ) : null}
        </section>
      ) : null}
      {run.error ? <Alert>{run.error instanceof ApiError ? run.error.message : t("failed")}</Alert> : null}
    </div>
  );
}
