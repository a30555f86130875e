import { History } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { FieldLabel, Select } from "@/components/ui/field";
import { DayRangeFields, FilterButtons, InvalidQuery, PagingLinks } from "@/components/ui/list-filters";
import { TableShell } from "@/components/ui/table-shell";
import { AUDIT_KINDS, auditQuerySchema, listAudit } from "@/lib/audit/list-audit";
import { requireStaffForPage } from "@/lib/auth/staff-context";
import { describeFieldErrors } from "@/lib/errors/parse-input";
import { auditSummary } from "@/lib/audit/audit-summary";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("tabs.audit") };
}

// Settings → Audit trail (admins and support): settings, consent, patient and staff changes,
// conversation views and exports; by who, what and when.
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const ctx = await requireStaffForPage("view_audit_log");
  const t = await getTranslations("settings.audit");
  const format = await getFormatter();
  const params = await searchParams;
  const parsed = auditQuerySchema.safeParse(params);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { entries, staff, nextCursor } = await listAudit(ctx, query);
  const nextHref = nextCursor ? `/settings/audit?${new URLSearchParams({ ...params, cursor: nextCursor })}` : null;
  return (
    <div className="space-y-4">
      <form
        method="get"
        className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5"
        aria-label={t("filters")}
      >
        <div>
          <FieldLabel htmlFor="a-staff">{t("who")}</FieldLabel>
          <Select id="a-staff" name="staff" defaultValue={query.staff ?? ""} className="w-full">
            <option value="">{t("anyone")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <FieldLabel htmlFor="a-kind">{t("what")}</FieldLabel>
          <Select id="a-kind" name="kind" defaultValue={query.kind ?? ""} className="w-full">
            <option value="">{t("anything")}</option>
            {Object.keys(AUDIT_KINDS).map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </div>
        <DayRangeFields idPrefix="a" from={query.from} to={query.to} labels={{ from: t("from"), to: t("to") }} />
        <FilterButtons resetHref="/settings/audit" labels={{ apply: t("apply"), reset: t("reset") }} />
      </form>
      <InvalidQuery problems={parsed.success ? null : describeFieldErrors(parsed.error)} />
      {entries.length === 0 ? (
        <EmptyState icon={History} title={t("emptyTitle")}>
          {t("emptyBody")}
        </EmptyState>
      ) : (
        <TableShell columns={[t("columns.when"), t("columns.who"), t("columns.what"), t("columns.detail")]}>
          {entries.map((e) => (
            <tr key={e.id} data-testid="audit-entry" data-action={e.action}>
              <td className="whitespace-nowrap px-4 py-2 tabular-nums">
                {format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium", timeZone: ctx.clinic.timeZone })}
              </td>
              <td className="px-4 py-2">{e.staffName}</td>
              <td className="px-4 py-2">
                {t.has(`actions.${e.action.replace(".", "__")}`) ? t(`actions.${e.action.replace(".", "__")}`) : e.action}
                {e.patientId ? (
                  <Link href={`/patients/${e.patientId}`} className="ml-2 text-xs text-brand-700 hover:underline">
                    {t("patient")}
                  </Link>
                ) : null}
              </td>
              <td className="px-4 py-2 text-xs text-slate-700">{auditSummary(e.detail)}</td>
            </tr>
          ))}
        </TableShell>
      )}
      <PagingLinks
        firstHref="/settings/audit"
        nextHref={nextHref}
        paged={Boolean(query.cursor)}
        labels={{ newest: t("newest"), older: t("older") }}
      />
    </div>
  );
}
