"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError, apiFetch, fieldError, namesFields } from "@/lib/api/client";
import { DuplicateMatches, possibleDuplicates } from "./duplicate-matches";

export type PatientFormValues = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  language: string;
  phone: string;
  landline: string;
  email: string;
  postalAddress: string;
  externalId: string;
  preferredChannel: string;
  notificationsEnabled: boolean;
};

type Saved = { patient: { id: string }; consentStaysWith?: string[] };

// Creates a patient, or edits one. Numbers are typed as people say them ("06 12 34 56 78"):
// the server reads them in the clinic's country and says which field is wrong, if any.
// `initial` fills in over the empty record (a server page can pass plain values only: an object
// exported from this client module would reach it as a reference, not as data).
export function PatientForm({
  patientId,
  initial: given,
  onSaved,
}: {
  patientId?: string;
  initial: Partial<PatientFormValues>;
  onSaved?: (id: string) => void;
}) {
  const initial = { ...EMPTY_PATIENT, ...given };
  const t = useTranslations("patientForm");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const save = useMutation({
    mutationFn: (next: PatientBody) =>
      patientId
        ? apiFetch<Saved>(`/api/patients/${patientId}`, { method: "PATCH", body: JSON.stringify(next) })
        : apiFetch<Saved>("/api/patients", { method: "POST", body: JSON.stringify(next) }),
    onSuccess: ({ patient, consentStaysWith }) => {
      if (onSaved) return onSaved(patient.id);
      const notice = consentStaysWith?.length ? `?consentStaysWith=${encodeURIComponent(consentStaysWith.join(","))}` : "";
      router.push(`/patients/${patient.id}${notice}`);
      router.refresh();
    },
  });
  const error = (field: string) => fieldError(save.error, field);
  const matches = possibleDuplicates(save.error);
  const general = save.error && !namesFields(save.error) && !matches;

  return (
    <form
      ref={form}
      className="max-w-3xl space-y-5 rounded-lg bg-white p-5 ring-1 ring-slate-200"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(bodyOf(new FormData(e.currentTarget)));
      }}
    >
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold text-slate-900">{t("identity")}</legend>
        <FormField id="p-first" label={t("firstName")} error={error("firstName")}>
          {(c) => <Input {...c} name="firstName" defaultValue={initial.firstName} required autoComplete="off" />}
        </FormField>
        <FormField id="p-last" label={t("lastName")} error={error("lastName")}>
          {(c) => <Input {...c} name="lastName" defaultValue={initial.lastName} required autoComplete="off" />}
        </FormField>
        <FormField id="p-birth" label={t("dateOfBirth")} error={error("dateOfBirth")}>
          {(c) => <Input {...c} name="dateOfBirth" type="date" defaultValue={initial.dateOfBirth} />}
        </FormField>
        <FormField id="p-language" label={t("language")} error={error("language")}>
          {(c) => (
            <Select {...c} name="language" defaultValue={initial.language} className="w-full">
              <option value="fr">Français</option>
              <option value="en">English</option>
            </Select>
          )}
        </FormField>
        <FormField id="p-number" label={t("externalId")} hint={t("externalIdHint")} error={error("externalId")}>
          {(c) => <Input {...c} name="externalId" defaultValue={initial.externalId} autoComplete="off" />}
        </FormField>
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-semibold text-slate-900">{t("contact")}</legend>
        <FormField id="p-phone" label={t("phone")} hint={t("phoneHint")} error={error("phone")}>
          {(c) => <Input {...c} name="phone" type="tel" inputMode="tel" defaultValue={initial.phone} autoComplete="off" />}
        </FormField>
        <FormField id="p-landline" label={t("landline")} error={error("landline")}>
          {(c) => <Input {...c} name="landline" type="tel" inputMode="tel" defaultValue={initial.landline} autoComplete="off" />}
        </FormField>
        <FormField id="p-email" label={t("email")} error={error("email")}>
          {(c) => <Input {...c} name="email" type="email" defaultValue={initial.email} autoComplete="off" />}
        </FormField>
        <FormField id="p-channel" label={t("preferredChannel")} error={error("preferredChannel")}>
          {(c) => (
            <Select {...c} name="preferredChannel" defaultValue={initial.preferredChannel} className="w-full">
              <option value="">{t("noPreference")}</option>
              {(["whatsapp", "sms", "email", "push"] as const).map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channels.${channel}`)}
                </option>
              ))}
            </Select>
          )}
        </FormField>
        <FormField id="p-address" label={t("postalAddress")} error={error("postalAddress")} className="sm:col-span-2">
          {(c) => (
            <textarea
              {...c}
              name="postalAddress"
              rows={2}
              maxLength={500}
              defaultValue={initial.postalAddress}
              className="w-full rounded-md border border-slate-300 p-2 text-sm aria-invalid:border-red-500"
            />
          )}
        </FormField>
        <label className="flex items-start gap-2 text-sm sm:col-span-2">
          <input type="checkbox" name="notificationsEnabled" defaultChecked={initial.notificationsEnabled} className="mt-0.5" />
          <span>
            <span className="font-medium text-slate-800">{t("notificationsEnabled")}</span>
            <span className="block text-slate-600">{t("notificationsHint")}</span>
          </span>
        </label>
      </fieldset>

      {matches ? (
        <DuplicateMatches
          matches={matches}
          pending={save.isPending}
          // What the form says now: reception may have corrected a field after seeing the matches.
          onCreateAnyway={(duplicateReason) => form.current && save.mutate({ ...bodyOf(new FormData(form.current)), duplicateReason })}
        />
      ) : null}
      {general ? <Alert>{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert> : null}
      <div className="flex justify-end gap-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : patientId ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}

type PatientBody = ReturnType<typeof bodyOf> & { duplicateReason?: string };

function bodyOf(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    firstName: text("firstName"),
    lastName: text("lastName"),
    dateOfBirth: text("dateOfBirth") || null,
    language: text("language"),
    phone: text("phone"),
    landline: text("landline"),
    email: text("email"),
    postalAddress: text("postalAddress"),
    externalId: text("externalId"),
    preferredChannel: text("preferredChannel") || null,
    notificationsEnabled: form.get("notificationsEnabled") === "on",
  };
}

const EMPTY_PATIENT: PatientFormValues = {
  firstName: "",
  lastName: "",
  dateOfBirth: "",
  language: "fr",
  phone: "",
  landline: "",
  email: "",
  postalAddress: "",
  externalId: "",
  preferredChannel: "",
  notificationsEnabled: true,
};
