"use client";

import { useMutation } from "@tanstack/react-query";
import { CalendarClock, XCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import type { AppointmentStatus } from "@/db/schema";
import { ApiError, apiFetch } from "@/lib/api/client";
import type { AppointmentChange } from "@/lib/appointments/schemas";
import { SlotPicker } from "./slot-picker";
import { allowedNextStatuses, isUpcoming } from "@/lib/scheduling/appointment-status";

// The bottom of an action dialog: the server's refusal, if any, then "keep as is" and confirm.
function DialogActions({
  error,
  keepLabel,
  confirmLabel,
  pending,
  danger,
}: {
  error: string | null;
  keepLabel: string;
  confirmLabel: string;
  pending: boolean;
  danger?: boolean;
}) {
  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex justify-end gap-2">
        <DialogClose asChild>
          <Button type="button" variant="secondary">
            {keepLabel}
          </Button>
        </DialogClose>
        <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
          {confirmLabel}
        </Button>
      </div>
    </>
  );
}

// slotsFor: offer the agenda's free slots for this visit reason in the move dialog.
type Props = {
  id: string;
  status: AppointmentStatus;
  localStart: string;
  label: string;
  slotsFor?: { agendaId: string; visitReasonId: string };
  // Later occurrences of its series still to come: a move or a cancellation may take them along.
  followingInSeries?: number;
};

// "This one only" or "this one and the following": asked only of an occurrence of a series.
function ScopeChoice({ id, following }: { id: string; following: number }) {
  const t = useTranslations("appointments.actions");
  if (!following) return null;
  return (
    <fieldset className="space-y-1 text-sm">
      <legend className="mb-1 font-medium text-slate-800">{t("scopeLabel")}</legend>
      {(["this", "following"] as const).map((scope) => (
        <label key={scope} className="flex items-center gap-2">
          <input type="radio" name="scope" value={scope} defaultChecked={scope === "this"} id={`${id}-scope-${scope}`} />
          {scope === "this" ? t("scopeThis") : t("scopeFollowing", { count: following })}
        </label>
      ))}
    </fieldset>
  );
}

const scopeOf = (form: FormData) => (form.get("scope") === "following" ? ({ scope: "following" } as const) : {});

// The agenda's rules a move may knowingly overrule, with a reason (the server audits it).
const OVERRULABLE: ReadonlySet<string> = new Set(["outside_opening_hours", "closed", "blocked"]);
const REFUSED_SAYING = { outside_opening_hours: "outsideHoursRefused", closed: "closedRefused", blocked: "blockedRefused" } as const;

// Status, cancel and reschedule for one appointment. The server re-checks every rule;
// the choices offered here are the same rules, so a refusal is the exception.
export function AppointmentActions({ id, status, localStart, label, slotsFor, followingInSeries = 0 }: Props) {
  const t = useTranslations("appointments.actions");
  const tStatus = useTranslations("status");
  const router = useRouter();
  const [open, setOpen] = useState<"cancel" | "reschedule" | null>(null);
  const [newStart, setNewStart] = useState(localStart);
  const mutation = useMutation({
    mutationFn: (change: AppointmentChange) => apiFetch(`/api/appointments/${id}`, { method: "PATCH", body: JSON.stringify(change) }),
    onSuccess: () => {
      setOpen(null);
      router.refresh();
    },
  });
  const next = allowedNextStatuses(status).filter((s) => s !== "cancelled");
  // Refused for the agenda's hours or a closure, at the time still in the field: say so in the
  // receptionist's words and offer to move it anyway, with a reason.
  const refusedHours =
    mutation.error instanceof ApiError &&
    OVERRULABLE.has(mutation.error.code) &&
    mutation.variables?.action === "reschedule" &&
    mutation.variables.startsAt === newStart
      ? mutation.error.code
      : null;
  // A later occurrence of the series refused it: the server's sentence names which one.
  const inSeries =
    mutation.error instanceof ApiError && Boolean((mutation.error.details as { occurrence?: unknown } | undefined)?.occurrence);
  const error =
    refusedHours && !inSeries
      ? t(REFUSED_SAYING[refusedHours as keyof typeof REFUSED_SAYING])
      : mutation.error instanceof ApiError
        ? mutation.error.message
        : mutation.error
          ? t("failed")
          : null;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {next.length > 0 ? (
        <Select
          aria-label={t("statusFor", { label })}
          value=""
          disabled={mutation.isPending}
          onChange={(e) => mutation.mutate({ action: "set_status", status: e.target.value as AppointmentStatus })}
          className="h-8 text-xs"
        >
          <option value="" disabled>
            {t("changeStatus")}
          </option>
          {next.map((s) => (
            <option key={s} value={s}>
              {tStatus(s)}
            </option>
          ))}
        </Select>
      ) : null}

      {isUpcoming(status) ? (
        <>
          <Dialog
            open={open === "reschedule"}
            onOpenChange={(o) => {
              setOpen(o ? "reschedule" : null);
              if (o) setNewStart(localStart);
            }}
          >
            <DialogTrigger asChild>
              <Button variant="ghost" size="sm" aria-label={t("rescheduleFor", { label })}>
                <CalendarClock className="size-4" aria-hidden /> {t("reschedule")}
              </Button>
            </DialogTrigger>
            <DialogContent title={t("rescheduleTitle")} description={label} closeLabel={t("close")}>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const form = new FormData(e.currentTarget);
                  const startsAt = String(form.get("startsAt"));
                  const outsideHoursReason = String(form.get("outsideHoursReason") ?? "").trim();
                  mutation.mutate({
                    action: "reschedule",
                    startsAt,
                    ...(outsideHoursReason ? { outsideHoursReason } : {}),
                    ...scopeOf(form),
                  });
                }}
                className="space-y-4"
              >
                {slotsFor ? (
                  <SlotPicker
                    agendaId={slotsFor.agendaId}
                    visitReasonId={slotsFor.visitReasonId}
                    initialDate={localStart.slice(0, 10)}
                    selected={newStart}
                    onPick={setNewStart}
                  />
                ) : null}
                <div>
                  <FieldLabel htmlFor={`start-${id}`}>{t("newStart")}</FieldLabel>
                  <Input
                    id={`start-${id}`}
                    name="startsAt"
                    type="datetime-local"
                    value={newStart}
                    onChange={(e) => setNewStart(e.target.value)}
                    required
                    step={300}
                  />
                </div>
                <ScopeChoice id={`move-${id}`} following={followingInSeries} />
                {refusedHours ? (
                  <div>
                    <FieldLabel htmlFor={`overrule-${id}`}>{t("overruleReason")}</FieldLabel>
                    <Input id={`overrule-${id}`} name="outsideHoursReason" required minLength={3} maxLength={300} />
                  </div>
                ) : null}
                <DialogActions
                  error={error}
                  keepLabel={t("keep")}
                  confirmLabel={refusedHours ? t("confirmOverrule") : t("confirmReschedule")}
                  pending={mutation.isPending}
                />
              </form>
            </DialogContent>
          </Dialog>

          <Dialog open={open === "cancel"} onOpenChange={(o) => setOpen(o ? "cancel" : null)}>
            <DialogTrigger asChild>
              <Button variant="ghost" size="sm" className="text-red-700" aria-label={t("cancelFor", { label })}>
                <XCircle className="size-4" aria-hidden /> {t("cancel")}
              </Button>
            </DialogTrigger>
            <DialogContent title={t("cancelTitle")} description={label} closeLabel={t("close")}>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  const form = new FormData(e.currentTarget);
                  const reason = String(form.get("reason") ?? "").trim();
                  mutation.mutate({ action: "cancel", reason: reason || undefined, ...scopeOf(form) });
                }}
                className="space-y-4"
              >
                <div>
                  <FieldLabel htmlFor={`reason-${id}`}>{t("reason")}</FieldLabel>
                  <Input id={`reason-${id}`} name="reason" maxLength={500} placeholder={t("reasonPlaceholder")} />
                </div>
                <ScopeChoice id={`cancel-${id}`} following={followingInSeries} />
                <DialogActions error={error} keepLabel={t("keep")} confirmLabel={t("confirmCancel")} pending={mutation.isPending} danger />
              </form>
            </DialogContent>
          </Dialog>
        </>
      ) : null}
      {error && !open ? (
        <Alert className="basis-full py-1 text-xs" data-testid="action-error">
          {error}
        </Alert>
      ) : null}
    </div>
  );
}
