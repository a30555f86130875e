import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/settings/import-wizard";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { IMPORT_FIELDS, REQUIRED_FIELDS } from "@/lib/patients/import/row-to-patient";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.import") };
}

// Settings → Import: the clinic's patients from a CSV of its previous software.
export default async function ImportPage() {
  await requireStaffForPage("manage_settings");
  const t = await getTranslations("settings.import");
  return (
    <>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <ImportWizard fields={IMPORT_FIELDS} required={REQUIRED_FIELDS} />
    </>
  );
}
