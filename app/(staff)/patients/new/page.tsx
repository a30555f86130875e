import { getTranslations } from "next-intl/server";
import { PatientForm } from "@/components/patients/patient-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("patientForm"))("newTitle") };
}

export default async function NewPatientPage() {
  const ctx = await requireStaffForPage("manage_patients");
  const t = await getTranslations("patientForm");
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <PatientForm initial={{ language: ctx.clinic.defaultLanguage }} />
    </>
  );
}
