import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportWizard } from "@/components/settings/import-wizard";
import { cn } from "@/components/ui/cn";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { APPOINTMENT_IMPORT_FIELDS, APPOINTMENT_REQUIRED_FIELDS } from "@/lib/patients/import/row-to-appointment";
import { IMPORT_FIELDS, REQUIRED_FIELDS } from "@/lib/patients/import/row-to-patient";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.import") };
}

const KINDS = ["patients", "appointments"] as const;

// Settings → Import: the clinic's patients from a CSV of its previous software, then its
// future appointments (booked through the agenda's rules).
export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requireStaffForPage("manage_settings");
  const t = await getTranslations("settings.import");
  const kind = (await searchParams).kind === "appointments" ? "appointments" : "patients";
  return (
    <>
      <nav aria-label={t("kindLabel")} className="mb-4 inline-flex rounded-md ring-1 ring-slate-300">
        {KINDS.map((k) => (
          <Link
            key={k}
            href={k === "patients" ? "/settings/import" : "/settings/import?kind=appointments"}
            aria-current={kind === k ? "page" : undefined}
            className={cn("px-3 py-1.5 text-sm", kind === k ? "bg-brand-600 text-white" : "hover:bg-slate-50")}
          >
            {t(`kinds.${k}`)}
          </Link>
        ))}
      </nav>
      <p className="mb-4 max-w-3xl text-sm text-slate-600">{t(kind === "appointments" ? "introAppointments" : "intro")}</p>
      {kind === "appointments" ? (
        <ImportWizard key="appointments" kind="appointments" fields={APPOINTMENT_IMPORT_FIELDS} required={APPOINTMENT_REQUIRED_FIELDS} />
      ) : (
        <ImportWizard key="patients" kind="patients" fields={IMPORT_FIELDS} required={REQUIRED_FIELDS} />
      )}
    </>
  );
}
