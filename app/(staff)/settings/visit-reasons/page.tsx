import { getTranslations } from "next-intl/server";
import { VisitReasonsEditor } from "@/components/settings/visit-reasons-editor";
import { listAgendas, listVisitReasons } from "@/lib/appointments/agendas";
import { requireStaffForPage } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.visitReasons") };
}

export default async function VisitReasonSettingsPage() {
  const ctx = await requireStaffForPage("manage_settings");
  const [reasons, agendas] = await Promise.all([listVisitReasons(ctx), listAgendas(ctx)]);
  return <VisitReasonsEditor reasons={reasons} agendas={agendas.map((a) => ({ id: a.id, name: a.name }))} />;
}
