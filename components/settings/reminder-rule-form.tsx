"use client";

import { ArrowDown, ArrowUp, Plus, Trash2, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { Channel, ReminderStep } from "@/db/schema";
import type { ReminderRuleView } from "@/lib/reminders/manage-reminder-rules";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError, fieldError, namesFields } from "@/lib/api/client";
import { useSave } from "./use-save";

type Unit = "minutes" | "hours" | "days";
const UNIT_MINUTES: Record<Unit, number> = { minutes: 1, hours: 60, days: 24 * 60 };
type Sending = "together" | "delivered" | "read";
type StepDraft = { key: number; amount: number; unit: Unit; channels: Channel[]; sending: Sending; afterMinutes: number };

let nextKey = 0;

// 24 h reads as hours (as the clinic says it), a week as days, anything else in minutes.
function toDraft(step: ReminderStep): StepDraft {
  const m = step.offsetMinutes;
  const unit: Unit = m % 60 === 0 && m <= 48 * 60 ? "hours" : m % (24 * 60) === 0 ? "days" : "minutes";
  return {
    key: nextKey++,
    amount: m / UNIT_MINUTES[unit],
    unit,
    channels: step.channels,
    sending: step.backup?.until ?? "together",
    afterMinutes: step.backup?.afterMinutes ?? 15,
  };
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

// One rule: its reminders (each with its channels in order and how the next one backs up the
// first), and the quiet hours. Saved as a whole; the server names each wrong field.
export function ReminderRuleForm({
  rule,
  scope,
  title,
  hint,
  channels: allChannels,
  onSaved,
  removable = false,
}: {
  rule: Pick<ReminderRuleView, "id" | "steps" | "quietHours">;
  scope: { agendaId: string | null; visitReasonId: string | null };
  title: string;
  hint?: string;
  channels: readonly Channel[];
  onSaved?: () => void;
  // A stored rule can be removed (an override goes back to the clinic's rule, the clinic's to the default).
  removable?: boolean;
}) {
  const t = useTranslations("settings.reminders");
  const tChannel = useTranslations("channels");
  const id = useId();
  const [steps, setSteps] = useState(() => rule.steps.map(toDraft));
  const [quiet, setQuiet] = useState({ startsAt: hhmm(rule.quietHours.startsAt), endsAt: hhmm(rule.quietHours.endsAt) });
  const save = useSave<{ replanned: number }>("PUT", "/api/reminder-rules");
  const remove = useSave("DELETE", `/api/reminder-rules/${rule.id}`);
  const error = (field: string) => fieldError(save.error, field);
  const change = (key: number, patch: Partial<StepDraft>) => setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  const move = (list: Channel[], from: number, to: number) => {
    const next = [...list];
    const [c] = next.splice(from, 1);
    next.splice(to, 0, c);
    return next;
  };

  const submit = () =>
    save.mutate(
      {
        ...scope,
        steps: steps.map((s) => ({
          offsetMinutes: s.amount * UNIT_MINUTES[s.unit],
          channels: s.channels,
          backup: s.sending === "together" ? null : { afterMinutes: s.afterMinutes, until: s.sending },
        })),
        quietHours: quiet,
      },
      { onSuccess: () => onSaved?.() },
    );

  return (
    <form
      className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200"
      aria-labelledby={`${id}-title`}
      data-testid="reminder-rule"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={`${id}-title`} className="font-semibold">
            {title}
          </h2>
          {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
        </div>
        {rule.id && removable ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="text-red-700"
            disabled={remove.isPending}
            onClick={() => remove.mutate(undefined)}
          >
            <Trash2 className="size-4" aria-hidden /> {scope.agendaId || scope.visitReasonId ? t("removeOverride") : t("resetDefault")}
          </Button>
        ) : null}
      </div>

      {steps.length === 0 ? <p className="text-sm text-slate-600">{t("noReminders")}</p> : null}
      <ol className="space-y-3">
        {steps.map((step, i) => {
          const n = i + 1;
          const left = allChannels.filter((c) => !step.channels.includes(c));
          return (
            <li key={step.key}>
              <fieldset className="rounded-md border border-slate-200 p-3" data-testid="reminder-step">
                <legend className="px-1 text-sm font-medium">{t("step", { n })}</legend>
                <div className="flex flex-wrap items-end gap-3">
                  <FormField id={`${id}-${step.key}-amount`} label={t("before")} error={error(`steps.${i}.offsetMinutes`)} className="w-40">
                    {(c) => (
                      <Input
                        {...c}
                        type="number"
                        min={1}
                        step={1}
                        required
                        value={step.amount}
                        onChange={(e) => change(step.key, { amount: Number(e.target.value) })}
                      />
                    )}
                  </FormField>
                  <Select aria-label={t("unit")} value={step.unit} onChange={(e) => change(step.key, { unit: e.target.value as Unit })}>
                    {(["minutes", "hours", "days"] as const).map((u) => (
                      <option key={u} value={u}>
                        {t(`units.${u}`)}
                      </option>
                    ))}
                  </Select>
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    className="ml-auto text-red-700"
                    onClick={() => setSteps((all) => all.filter((s) => s.key !== step.key))}
                  >
                    <X className="size-4" aria-hidden /> {t("removeStep", { n })}
                  </Button>
                </div>

                <p className="mt-3 mb-1 text-sm font-medium text-slate-700" id={`${id}-${step.key}-channels`}>
                  {t("channels")}
                </p>
                <ol className="flex flex-wrap items-center gap-2" aria-labelledby={`${id}-${step.key}-channels`}>
                  {step.channels.map((c, j) => (
                    <li
                      key={c}
                      className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3 text-sm"
                      data-testid="step-channel"
                    >
                      <span>
                        {j + 1}. {tChannel(c)}
                      </span>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        className="h-7 px-1.5"
                        disabled={j === 0}
                        aria-label={t("earlier", { channel: tChannel(c), n })}
                        onClick={() => change(step.key, { channels: move(step.channels, j, j - 1) })}
                      >
                        <ArrowUp className="size-3.5" aria-hidden />
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        className="h-7 px-1.5"
                        disabled={j === step.channels.length - 1}
                        aria-label={t("later", { channel: tChannel(c), n })}
                        onClick={() => change(step.key, { channels: move(step.channels, j, j + 1) })}
                      >
                        <ArrowDown className="size-3.5" aria-hidden />
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="sm"
                        className="h-7 px-1.5"
                        aria-label={t("removeChannel", { channel: tChannel(c), n })}
                        onClick={() => change(step.key, { channels: step.channels.filter((x) => x !== c) })}
                      >
                        <X className="size-3.5" aria-hidden />
                      </Button>
                    </li>
                  ))}
                  {left.length ? (
                    <li>
                      <Select
                        aria-label={t("addChannel", { n })}
                        value=""
                        className="h-8 text-sm"
                        onChange={(e) => change(step.key, { channels: [...step.channels, e.target.value as Channel] })}
                      >
                        <option value="" disabled>
                          {t("addChannelOption")}
                        </option>
                        {left.map((c) => (
                          <option key={c} value={c}>
                            {tChannel(c)}
                          </option>
                        ))}
                      </Select>
                    </li>
                  ) : null}
                </ol>
                {error(`steps.${i}.channels`) || error(`steps.${i}.channels.0`) ? (
                  <p className="mt-1 text-sm text-red-700" role="alert">
                    {error(`steps.${i}.channels`) ?? error(`steps.${i}.channels.0`)}
                  </p>
                ) : null}

                <div className="mt-3 flex flex-wrap items-end gap-3">
                  <FormField id={`${id}-${step.key}-sending`} label={t("sending")} error={error(`steps.${i}.backup`)}>
                    {(c) => (
                      <Select {...c} value={step.sending} onChange={(e) => change(step.key, { sending: e.target.value as Sending })}>
                        {(["together", "delivered", "read"] as const).map((m) => (
                          <option key={m} value={m}>
                            {t(`sendingModes.${m}`)}
                          </option>
                        ))}
                      </Select>
                    )}
                  </FormField>
                  {step.sending !== "together" ? (
                    <FormField
                      id={`${id}-${step.key}-after`}
                      label={t("afterMinutes")}
                      error={error(`steps.${i}.backup.afterMinutes`)}
                      className="w-32"
                    >
                      {(c) => (
                        <Input
                          {...c}
                          type="number"
                          min={1}
                          max={1440}
                          required
                          value={step.afterMinutes}
                          onChange={(e) => change(step.key, { afterMinutes: Number(e.target.value) })}
                        />
                      )}
                    </FormField>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {error("steps") ? (
        <p className="text-sm text-red-700" role="alert">
          {error("steps")}
        </p>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        size="sm"
        onClick={() =>
          setSteps((all) => [
            ...all,
            { key: nextKey++, amount: 1, unit: "hours", channels: [allChannels[0]], sending: "together", afterMinutes: 15 },
          ])
        }
      >
        <Plus className="size-4" aria-hidden /> {t("addStep")}
      </Button>

      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("quietHours")}</legend>
        <FormField id={`${id}-quiet-start`} label={t("quietFrom")} error={error("quietHours.startsAt")}>
          {(c) => (
            <Input
              {...c}
              type="time"
              required
              value={quiet.startsAt}
              onChange={(e) => setQuiet((q) => ({ ...q, startsAt: e.target.value }))}
            />
          )}
        </FormField>
        <FormField id={`${id}-quiet-end`} label={t("quietTo")} error={error("quietHours.endsAt")}>
          {(c) => (
            <Input {...c} type="time" required value={quiet.endsAt} onChange={(e) => setQuiet((q) => ({ ...q, endsAt: e.target.value }))} />
          )}
        </FormField>
        <p className="basis-full text-xs text-slate-600">{t("quietHint")}</p>
      </fieldset>

      {save.error && !namesFields(save.error) ? <Alert>{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert> : null}
      {remove.error ? <Alert>{remove.error instanceof ApiError ? remove.error.message : t("failed")}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
        <span role="status" className="text-sm text-slate-600">
          {save.isSuccess ? t("saved", { count: save.data.replanned }) : ""}
        </span>
      </div>
    </form>
  );
}
