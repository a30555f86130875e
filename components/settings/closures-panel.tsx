"use client";

import { Trash2 } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError, fieldError, namesFields } from "@/lib/api/client";
import { useSave } from "./use-save";

type Closure = { id: string; agendaId: string | null; startsOn: string; endsOn: string; reason: string };

function RemoveClosure({ closure, label }: { closure: Closure; label: string }) {
  const t = useTranslations("settings.closures");
  const remove = useSave("DELETE", `/api/closures/${closure.id}`);
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={t("remove", { closure: label })}
      onClick={() => remove.mutate(undefined)}
      disabled={remove.isPending}
    >
      <Trash2 className="size-4" aria-hidden />
    </Button>
  );
}

// Days an agenda (a doctor's day off) or the whole clinic (a public holiday) is closed: their
// free slots disappear at once from the agenda view and from patient booking.
export function ClosuresPanel({ closures, agendas }: { closures: Closure[]; agendas: { id: string; name: string }[] }) {
  const t = useTranslations("settings.closures");
  const format = useFormatter();
  const id = useId();
  const add = useSave("POST", "/api/closures");
  const day = (date: string) => format.dateTime(new Date(`${date}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const describe = (c: Closure) =>
    `${agendas.find((a) => a.id === c.agendaId)?.name ?? t("wholeClinic")}: ${c.startsOn === c.endsOn ? day(c.startsOn) : `${day(c.startsOn)} – ${day(c.endsOn)}`}`;
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <h2 id={`${id}-title`} className="font-semibold text-slate-900">
        {t("title")}
      </h2>
      {closures.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" data-testid="closures">
          {closures.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-3 py-2" data-testid="closure">
              <span>
                <span className="font-medium">{describe(c)}</span>
                {c.reason ? <span className="text-slate-600"> · {c.reason}</span> : null}
              </span>
              <RemoveClosure closure={c} label={describe(c)} />
            </li>
          ))}
        </ul>
      )}
      <form
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
        aria-label={t("add")}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          add.mutate({
            agendaId: form.get("agendaId") || null,
            startsOn: form.get("startsOn"),
            endsOn: form.get("endsOn") || form.get("startsOn"),
            reason: form.get("reason"),
          });
        }}
      >
        <FormField id={`${id}-agenda`} label={t("agenda")} error={fieldError(add.error, "agendaId")}>
          {(c) => (
            <Select {...c} name="agendaId" className="w-full">
              <option value="">{t("wholeClinic")}</option>
              {agendas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField id={`${id}-from`} label={t("from")} error={fieldError(add.error, "startsOn")}>
          {(c) => <Input {...c} name="startsOn" type="date" required />}
        </FormField>
        <FormField id={`${id}-to`} label={t("to")} hint={t("toHint")} error={fieldError(add.error, "endsOn")}>
          {(c) => <Input {...c} name="endsOn" type="date" />}
        </FormField>
        <FormField id={`${id}-reason`} label={t("reason")} error={fieldError(add.error, "reason")}>
          {(c) => <Input {...c} name="reason" maxLength={200} />}
        </FormField>
        <div className="flex items-end">
          <Button type="submit" disabled={add.isPending}>
            {t("add")}
          </Button>
        </div>
      </form>
      {add.isError && !namesFields(add.error) ? <Alert>{add.error instanceof ApiError ? add.error.message : t("failed")}</Alert> : null}
    </section>
  );
}
