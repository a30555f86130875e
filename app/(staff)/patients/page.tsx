import { UserPlus } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Suspense } from "react";
import { PatientSearch } from "@/components/patients/patient-search";
import { PageHeader } from "@/components/ui/page-header";
import { can, requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("patients"))("title") };
}

export default async function PatientsPage() {
  const ctx = await requireStaffForPage("view_patients");
  const t = await getTranslations("patients");
  return (
    <>
      <PageHeader title={t("title")}>
        {can(ctx, "manage_patients") ? (
          <Button asChild>
            <Link href="/patients/new">
              <UserPlus className="size-4" aria-hidden /> {t("new")}
            </Link>
          </Button>
        ) : null}
      </PageHeader>
      <Suspense>
        <PatientSearch />
      </Suspense>
    </>
  );
}
