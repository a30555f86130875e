import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const t = await getTranslations("forbidden");
  const { need } = await searchParams;
  return (
    <main className="mx-auto max-w-lg px-4 py-24">
      <EmptyState icon={ShieldAlert} title={t("title")} headingLevel={1}>
        <p>{need ? t("needs", { permission: need }) : t("generic")}</p>
        <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </EmptyState>
    </main>
  );
}
