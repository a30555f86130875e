import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SinkMessages } from "@/components/sinks/sink-messages";
import { PageHeader } from "@/components/ui/page-header";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { localSinksEnabled } from "@/lib/config/env";

export async function generateMetadata() {
  return { title: (await getTranslations("sinks"))("title") };
}

export default async function SinksPage() {
  if (!localSinksEnabled()) notFound();
  const ctx = await requireStaffForPage("view_local_sinks");
  const t = await getTranslations("sinks");
  return (
    <>
      <PageHeader title={t("title")} />
      <p className="mb-6 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      <SinkMessages timeZone={ctx.clinic.timeZone} />
    </>
  );
}
