import type { LucideIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

// The areas the navigation already shows but whose features are still being built.
export async function UpcomingArea({ area, icon }: { area: "settings"; icon: LucideIcon }) {
  const t = await getTranslations("upcoming");
  const tNav = await getTranslations("nav");
  return (
    <>
      <PageHeader title={tNav(area)} />
      <EmptyState icon={icon} title={t(`${area}.title`)}>
        {t(`${area}.body`)}
      </EmptyState>
    </>
  );
}
