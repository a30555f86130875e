"use client";

import { useTranslations } from "next-intl";
import { FieldLabel, Select } from "@/components/ui/field";

export type Practitioner = { id: string; name: string };

// Whose agenda it is: one of the clinic's doctors, or no one (a room's, e.g. the nurses' room).
export function PractitionerSelect({
  id,
  practitioners,
  defaultValue,
}: {
  id: string;
  practitioners: Practitioner[];
  defaultValue?: string | null;
}) {
  const t = useTranslations("settings.agendas");
  return (
    <div className="flex flex-col gap-1">
      <FieldLabel htmlFor={id}>{t("practitioner")}</FieldLabel>
      <Select id={id} name="doctorId" defaultValue={defaultValue ?? ""} className="min-w-56">
        <option value="">{t("noPractitioner")}</option>
        {practitioners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
    </div>
  );
}

// The select's value as the API takes it: a staff id, or null for a room.
export const doctorIdOf = (form: HTMLFormElement) => String(new FormData(form).get("doctorId") ?? "") || null;
