"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Channel } from "@/db/schema";
import type { ReminderRuleView } from "@/lib/reminders/manage-reminder-rules";
import { Button } from "@/components/ui/button";
import { FieldLabel, Select } from "@/components/ui/field";
import { ReminderRuleForm } from "./reminder-rule-form";

type Named = { id: string; name: string };
type Scope = { agendaId: string | null; visitReasonId: string | null };

// The clinic's reminder rule and the agendas and visit reasons that have their own: a visit
// reason's rule wins over an agenda's, which wins over the clinic's.
export function ReminderRulesEditor({
  clinicRule,
  overrides,
  agendas,
  visitReasons,
  channels,
}: {
  clinicRule: ReminderRuleView;
  overrides: ReminderRuleView[];
  agendas: Named[];
  visitReasons: Named[];
  channels: readonly Channel[];
}) {
  const t = useTranslations("settings.reminders");
  const id = useId();
  const [draft, setDraft] = useState<Scope | null>(null);
  const [choice, setChoice] = useState("");
  const nameOf = (scope: Scope) =>
    scope.agendaId
      ? t("forAgenda", { name: agendas.find((a) => a.id === scope.agendaId)?.name ?? "?" })
      : t("forVisitReason", { name: visitReasons.find((v) => v.id === scope.visitReasonId)?.name ?? "?" });
  const taken = new Set(overrides.map((o) => o.agendaId ?? o.visitReasonId));
  const free = { agendas: agendas.filter((a) => !taken.has(a.id)), visitReasons: visitReasons.filter((v) => !taken.has(v.id)) };

  return (
    <div className="space-y-6">
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <ReminderRuleForm
        key="clinic"
        rule={clinicRule}
        scope={{ agendaId: null, visitReasonId: null }}
        title={t("clinicRule")}
        hint={clinicRule.id ? t("clinicHint") : t("defaultHint")}
        channels={channels}
        removable
      />
      {overrides.map((o) => (
        <ReminderRuleForm
          key={o.id}
          rule={o}
          scope={{ agendaId: o.agendaId, visitReasonId: o.visitReasonId }}
          title={nameOf(o)}
          channels={channels}
          removable
        />
      ))}
      {draft ? (
        <ReminderRuleForm
          key={`draft-${draft.agendaId ?? draft.visitReasonId}`}
          rule={{ ...clinicRule, id: null }}
          scope={draft}
          title={nameOf(draft)}
          hint={t("draftHint")}
          channels={channels}
          onSaved={() => setDraft(null)}
        />
      ) : null}
      {free.agendas.length + free.visitReasons.length > 0 && !draft ? (
        <form
          className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-5 ring-1 ring-slate-200"
          aria-label={t("addOverride")}
          onSubmit={(e) => {
            e.preventDefault();
            const [kind, value] = choice.split(":");
            if (value) setDraft(kind === "agenda" ? { agendaId: value, visitReasonId: null } : { agendaId: null, visitReasonId: value });
          }}
        >
          <div>
            <FieldLabel htmlFor={`${id}-scope`}>{t("overrideFor")}</FieldLabel>
            <Select id={`${id}-scope`} value={choice} onChange={(e) => setChoice(e.target.value)} required>
              <option value="" disabled>
                {t("pickScope")}
              </option>
              {free.agendas.length ? (
                <optgroup label={t("agendas")}>
                  {free.agendas.map((a) => (
                    <option key={a.id} value={`agenda:${a.id}`}>
                      {a.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {free.visitReasons.length ? (
                <optgroup label={t("visitReasons")}>
                  {free.visitReasons.map((v) => (
                    <option key={v.id} value={`reason:${v.id}`}>
                      {v.name}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            <Plus className="size-4" aria-hidden /> {t("addOverride")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
