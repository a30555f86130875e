import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PatientSearch } from "@/components/patients/patient-search";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("patients"))("title") };
}

export default async function PatientsPage() {
  await requireStaffForPage("view_patients");
  const t = await getTranslations("patients");
  return (
    <>
      <PageHeader title={t("title")} />
      <Suspense>
        <PatientSearch />
      </Suspense>
    </>
  );
}
