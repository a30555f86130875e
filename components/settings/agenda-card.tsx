"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/field";
import { ApiError, fieldError } from "@/lib/api/client";
import { doctorIdOf, PractitionerSelect, type Practitioner } from "./practitioner-select";
import { useSave } from "./use-save";
import { WeekEditor } from "./week-editor";

type Agenda = {
  id: string;
  name: string;
  doctorId: string | null;
  retired: boolean;
  week: { weekday: number; opensAt: number; closesAt: number }[];
  visitReasonIds: string[];
};

// One agenda in Settings: its name, the visit reasons it offers, its week; retired agendas
// take no new booking and can be brought back.
export function AgendaCard({
  agenda,
  visitReasons,
  practitioners,
}: {
  agenda: Agenda;
  visitReasons: { id: string; name: string }[];
  practitioners: Practitioner[];
}) {
  const t = useTranslations("settings.agendas");
  const id = useId();
  const [offered, setOffered] = useState(new Set(agenda.visitReasonIds));
  const rename = useSave("PATCH", `/api/agendas/${agenda.id}`);
  const offer = useSave("PATCH", `/api/agendas/${agenda.id}`);
  const retire = useSave("PATCH", `/api/agendas/${agenda.id}`);
  return (
    <section
      aria-labelledby={`${id}-name`}
      className="space-y-5 rounded-lg bg-white p-5 ring-1 ring-slate-200"
      data-testid="agenda-settings"
      data-agenda={agenda.id}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-name`} className="font-semibold text-slate-900">
          {agenda.name}{" "}
          {agenda.retired ? (
            <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">{t("retired")}</span>
          ) : null}
        </h2>
        <Button variant="secondary" size="sm" onClick={() => retire.mutate({ retired: !agenda.retired })} disabled={retire.isPending}>
          {agenda.retired ? t("restore") : t("retire")}
        </Button>
      </div>
      {retire.isError ? <Alert>{retire.error instanceof ApiError ? retire.error.message : t("failed")}</Alert> : null}

      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          rename.mutate({ name: new FormData(e.currentTarget).get("name"), doctorId: doctorIdOf(e.currentTarget) });
        }}
      >
        <FormField id={`${id}-rename`} label={t("name")} error={fieldError(rename.error, "name")} className="min-w-64 flex-1">
          {(c) => <Input {...c} name="name" defaultValue={agenda.name} required maxLength={120} />}
        </FormField>
        <PractitionerSelect id={`${id}-doctor`} practitioners={practitioners} defaultValue={agenda.doctorId} />
        <Button type="submit" variant="secondary" disabled={rename.isPending}>
          {t("rename")}
        </Button>
        <span role="status" className="text-xs text-slate-600">
          {rename.isSuccess ? t("saved") : ""}
        </span>
        {fieldError(rename.error, "doctorId") ? <Alert className="basis-full">{fieldError(rename.error, "doctorId")}</Alert> : null}
      </form>

      <form
        onSubmit={(e) => {
          e.preventDefault();
          offer.mutate({ visitReasonIds: [...offered] });
        }}
      >
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-800">{t("offers")}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {visitReasons.map((r) => (
              <label key={r.id} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={offered.has(r.id)}
                  onChange={(e) => {
                    const next = new Set(offered);
                    if (e.target.checked) next.add(r.id);
                    else next.delete(r.id);
                    setOffered(next);
                  }}
                />
                {r.name}
              </label>
            ))}
          </div>
        </fieldset>
        {offer.isError ? <Alert className="mt-2">{offer.error instanceof ApiError ? offer.error.message : t("failed")}</Alert> : null}
        <div className="mt-2 flex justify-end">
          <Button type="submit" variant="secondary" size="sm" disabled={offer.isPending}>
            {t("saveOffers")}
          </Button>
        </div>
      </form>

      <div>
        <h3 className="mb-2 text-sm font-medium text-slate-800">{t("openingHours")}</h3>
        <WeekEditor agendaId={agenda.id} agendaName={agenda.name} week={agenda.week} />
      </div>
    </section>
  );
}
