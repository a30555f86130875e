"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/field";
import { fieldError } from "@/lib/api/client";
import { doctorIdOf, PractitionerSelect, type Practitioner } from "./practitioner-select";
import { useSave } from "./use-save";

export function NewAgendaForm({ practitioners }: { practitioners: Practitioner[] }) {
  const t = useTranslations("settings.agendas");
  const id = useId();
  const create = useSave("POST", "/api/agendas");
  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg bg-white p-5 ring-1 ring-slate-200"
      aria-label={t("new")}
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        create.mutate({ name: new FormData(form).get("name"), doctorId: doctorIdOf(form) }, { onSuccess: () => form.reset() });
      }}
    >
      <FormField
        id={`${id}-name`}
        label={t("newName")}
        hint={t("newHint")}
        error={fieldError(create.error, "name")}
        className="min-w-64 flex-1"
      >
        {(c) => <Input {...c} name="name" required maxLength={120} />}
      </FormField>
      <PractitionerSelect id={`${id}-doctor`} practitioners={practitioners} />
      <Button type="submit" disabled={create.isPending}>
        <Plus className="size-4" aria-hidden /> {t("create")}
      </Button>
    </form>
  );
}
