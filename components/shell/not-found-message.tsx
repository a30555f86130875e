import { SearchX } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";

// "Not found", for an unknown address and for a record that is not this clinic's (answered
// exactly like one that does not exist).
export async function NotFoundMessage() {
  const t = await getTranslations("notFound");
  return (
    <EmptyState icon={SearchX} title={t("title")} headingLevel={1}>
      <p>{t("body")}</p>
      <Link href="/" className="mt-4 inline-block font-medium text-brand-700 underline">
        {t("back")}
      </Link>
    </EmptyState>
  );
}
