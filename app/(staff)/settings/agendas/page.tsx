import { getTranslations } from "next-intl/server";
import { AgendaCard } from "@/components/settings/agenda-card";
import { ClosuresPanel } from "@/components/settings/closures-panel";
import { NewAgendaForm } from "@/components/settings/new-agenda-form";
import { listPractitioners, listVisitReasons } from "@/lib/appointments/agendas";
import { agendaSettings } from "@/lib/appointments/manage-agendas";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { clinicLocalDate } from "@/lib/time/clinic-time";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.agendas") };
}

// Settings → Agendas: each agenda's name, week and visit reasons, and the closures.
export default async function AgendaSettingsPage() {
  const ctx = await requireStaffForPage("manage_settings");
  const [{ agendas, closures }, visitReasons, practitioners] = await Promise.all([
    agendaSettings(ctx, clinicLocalDate(new Date(), ctx.clinic.timeZone)),
    listVisitReasons(ctx),
    listPractitioners(ctx),
  ]);
  return (
    <div className="space-y-6">
      <ClosuresPanel closures={closures} agendas={agendas.filter((a) => !a.retired).map(({ id, name }) => ({ id, name }))} />
      {agendas.map((agenda) => (
        <AgendaCard key={agenda.id} agenda={agenda} visitReasons={visitReasons} practitioners={practitioners} />
      ))}
      <NewAgendaForm practitioners={practitioners} />
    </div>
  );
}
