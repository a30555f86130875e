import { getTranslations } from "next-intl/server";
import { eventTypeKey } from "@/components/notifications/delivery-status-badge";
import { TemplateEditor } from "@/components/settings/template-editor";
import { FieldLabel, Select } from "@/components/ui/field";
import { FilterButtons } from "@/components/ui/list-filters";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { PATIENT_EVENT_TYPES } from "@/lib/notifications/event-catalog";
import { eventQuerySchema, listTemplates } from "@/lib/notifications/setup/template-editor";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.templates") };
}

// Settings → Templates: one event's texts per channel and language, with the variables, a
// live preview on a real patient, and the SMS segments.
export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await requireStaffForPage("manage_settings");
  const t = await getTranslations("settings.templates");
  const tEvent = await getTranslations("eventTypes");
  const parsed = eventQuerySchema.safeParse(await searchParams);
  const event = parsed.success ? parsed.data.event : "appointment.reminder";
  const { templates, variables } = await listTemplates(ctx, event);
  return (
    <div className="space-y-4">
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200" aria-label={t("pick")}>
        <div>
          <FieldLabel htmlFor="t-event">{t("event")}</FieldLabel>
          <Select id="t-event" name="event" defaultValue={event}>
            {PATIENT_EVENT_TYPES.map((e) => (
              <option key={e} value={e}>
                {tEvent(eventTypeKey(e))}
              </option>
            ))}
          </Select>
        </div>
        <FilterButtons resetHref="/settings/templates" labels={{ apply: t("open"), reset: t("reset") }} />
      </form>
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <div className="grid gap-4 xl:grid-cols-2">
        {templates.map((tpl) => (
          <TemplateEditor key={`${event}|${tpl.channel}|${tpl.language}`} template={tpl} variables={variables} />
        ))}
      </div>
    </div>
  );
}
