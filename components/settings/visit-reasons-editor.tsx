"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/field";
import { ApiError, fieldError, namesFields } from "@/lib/api/client";
import { useSave } from "./use-save";

type VisitReason = { id: string; name: string; durationMinutes: number; colour: string };

function fieldsOf(form: HTMLFormElement) {
  const data = new FormData(form);
  return { name: data.get("name"), durationMinutes: Number(data.get("durationMinutes")), colour: data.get("colour") };
}

function VisitReasonRow({ reason }: { reason: VisitReason }) {
  const t = useTranslations("settings.visitReasons");
  const id = useId();
  const save = useSave("PATCH", `/api/visit-reasons/${reason.id}`);
  return (
    <form
      className="grid items-end gap-3 py-3 sm:grid-cols-[1fr_8rem_6rem_auto]"
      aria-label={reason.name}
      data-testid="visit-reason"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(fieldsOf(e.currentTarget));
      }}
    >
      <FormField id={`${id}-name`} label={t("name")} error={fieldError(save.error, "name")}>
        {(c) => <Input {...c} name="name" defaultValue={reason.name} required maxLength={120} />}
      </FormField>
      <FormField id={`${id}-duration`} label={t("duration")} error={fieldError(save.error, "durationMinutes")}>
        {(c) => (
          <Input {...c} name="durationMinutes" type="number" min={5} max={480} step={5} defaultValue={reason.durationMinutes} required />
        )}
      </FormField>
      <FormField id={`${id}-colour`} label={t("colour")} error={fieldError(save.error, "colour")}>
        {(c) => <Input {...c} name="colour" type="color" defaultValue={reason.colour} className="h-10 p-1" />}
      </FormField>
      <div className="flex items-center gap-2">
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t("save")}
        </Button>
        <span role="status" className="text-xs text-slate-600">
          {save.isSuccess ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}

// Visit reasons with their duration (which cuts the free slots) and colour (on the agenda).
// A new one is offered only on the agendas the admin ticks here (none by default): offering it
// everywhere would put, say, an ECG on the pediatrics agenda. Each agenda's card changes it later.
export function VisitReasonsEditor({ reasons, agendas }: { reasons: VisitReason[]; agendas: { id: string; name: string }[] }) {
  const t = useTranslations("settings.visitReasons");
  const id = useId();
  const create = useSave("POST", "/api/visit-reasons");
  return (
    <div className="space-y-6">
      <section aria-labelledby={`${id}-list`} className="rounded-lg bg-white px-5 py-2 ring-1 ring-slate-200">
        <h2 id={`${id}-list`} className="sr-only">
          {t("title")}
        </h2>
        <div className="divide-y divide-slate-100">
          {reasons.map((r) => (
            <VisitReasonRow key={r.id} reason={r} />
          ))}
        </div>
      </section>
      <form
        className="grid items-end gap-3 rounded-lg bg-white p-5 ring-1 ring-slate-200 sm:grid-cols-[1fr_8rem_6rem_auto]"
        aria-label={t("new")}
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const agendaIds = new FormData(form).getAll("agendaIds").map(String);
          create.mutate({ ...fieldsOf(form), agendaIds }, { onSuccess: () => form.reset() });
        }}
      >
        <FormField id={`${id}-name`} label={t("newName")} error={fieldError(create.error, "name")}>
          {(c) => <Input {...c} name="name" required maxLength={120} />}
        </FormField>
        <FormField id={`${id}-duration`} label={t("duration")} error={fieldError(create.error, "durationMinutes")}>
          {(c) => <Input {...c} name="durationMinutes" type="number" min={5} max={480} step={5} defaultValue={20} required />}
        </FormField>
        <FormField id={`${id}-colour`} label={t("colour")} error={fieldError(create.error, "colour")}>
          {(c) => <Input {...c} name="colour" type="color" defaultValue="#0e7490" className="h-10 p-1" />}
        </FormField>
        <Button type="submit" disabled={create.isPending}>
          <Plus className="size-4" aria-hidden /> {t("create")}
        </Button>
        <fieldset className="sm:col-span-4">
          <legend className="text-sm font-medium text-slate-800">{t("offeredOn")}</legend>
          <p className="mb-2 text-xs text-slate-600">{t("offeredOnHint")}</p>
          {agendas.length ? (
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {agendas.map((a) => (
                <label key={a.id} className="inline-flex min-h-6 items-center gap-2 text-sm">
                  <input type="checkbox" name="agendaIds" value={a.id} className="size-4 accent-brand-700" />
                  {a.name}
                </label>
              ))}
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t("noAgendas")}</p>
          )}
        </fieldset>
        <span role="status" className="text-xs text-slate-600 sm:col-span-4">
          {create.isSuccess ? t("created") : ""}
        </span>
      </form>
      {create.isError && !namesFields(create.error) ? (
        <Alert>{create.error instanceof ApiError ? create.error.message : t("failed")}</Alert>
      ) : null}
    </div>
  );
}
