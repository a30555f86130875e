import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg px-4 py-24">
      <EmptyState icon={SearchX} title={t("title")}>
        <p>{t("body")}</p>
        <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
          {t("back")}
        </Link>
      </EmptyState>
    </div>
  );
}
