import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PatientForm } from "@/components/patients/patient-form";
import { MergeDuplicate } from "@/components/patients/merge-duplicate";
import { PatientActiveSwitch } from "@/components/patients/patient-active-switch";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { NotFoundError } from "@/lib/errors/app-errors";
import { getPatient } from "@/lib/patients/get-patient";
import { formatPhoneNational } from "@/lib/patients/phone";
import { patientIdSchema } from "@/lib/patients/schemas";

export async function generateMetadata() {
  return { title: (await getTranslations("patientForm"))("editTitle") };
}

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireStaffForPage("manage_patients");
  const parsed = patientIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const record = await getPatient(ctx, parsed.data.id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const { patient } = record;
  const t = await getTranslations("patientForm");
  const phone = (value: string | null) => (value ? formatPhoneNational(value, ctx.clinic.country) : "");
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <p className="-mt-4 mb-4 text-sm text-slate-600">
        {patient.firstName} {patient.lastName}
      </p>
      <PatientForm
        patientId={patient.id}
        initial={{
          firstName: patient.firstName,
          lastName: patient.lastName,
          dateOfBirth: patient.dateOfBirth ?? "",
          language: patient.language,
          phone: phone(patient.phone),
          landline: phone(patient.landline),
          email: patient.email ?? "",
          postalAddress: patient.postalAddress ?? "",
          externalId: patient.externalId ?? "",
          preferredChannel: patient.preferredChannel ?? "",
          notificationsEnabled: patient.notificationsEnabled,
        }}
      />
      {!patient.mergedIntoId ? <PatientActiveSwitch patientId={patient.id} active={patient.active} /> : null}
      {!patient.mergedIntoId ? <MergeDuplicate patientId={patient.id} patientName={`${patient.firstName} ${patient.lastName}`} /> : null}
    </>
  );
}
