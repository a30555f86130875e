"use client";

import { useMutation } from "@tanstack/react-query";
import { Ban, CalendarPlus, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { FormField, Input } from "@/components/ui/field";
import { ApiError, apiFetch, fieldError } from "@/lib/api/client";

// A stretch picked on the grid (clicked or dragged over): book a patient there, or block it
// for a meeting or a home visit, with the reason the agenda then shows.
export function GridSelectionDialog({
  agenda,
  selection,
  onBook,
  onClose,
}: {
  agenda: { id: string; name: string };
  // Clinic wall-clock times ("2026-12-03T14:00") and how they read ("2:00 PM").
  selection: { local: string; endLocal: string; label: string; endLabel: string };
  onBook: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("agenda.grid.selection");
  const router = useRouter();
  const id = useId();
  const block = useMutation({
    mutationFn: (reason: string) =>
      apiFetch(`/api/agendas/${agenda.id}/blocks`, {
        method: "POST",
        body: JSON.stringify({ startsAt: selection.local, endsAt: selection.endLocal, reason }),
      }),
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  const error = block.error instanceof ApiError ? block.error : null;
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent
        title={t("title", { from: selection.label, to: selection.endLabel })}
        description={agenda.name}
        closeLabel={t("close")}
      >
        <div className="space-y-4">
          <Button type="button" onClick={onBook} className="w-full justify-center">
            <CalendarPlus className="size-4" aria-hidden /> {t("book")}
          </Button>
          <form
            className="space-y-3 border-t border-slate-200 pt-4"
            onSubmit={(e) => {
              e.preventDefault();
              block.mutate(String(new FormData(e.currentTarget).get("reason") ?? ""));
            }}
          >
            <FormField
              id={`${id}-reason`}
              label={t("reason")}
              hint={t("reasonHint")}
              error={fieldError(block.error, "reason") ?? fieldError(block.error, "endsAt")}
            >
              {(c) => <Input {...c} name="reason" required minLength={2} maxLength={200} />}
            </FormField>
            {error && (!error.fields || error.status === 409) ? (
              <Alert>{error.message}</Alert>
            ) : block.error && !error ? (
              <Alert>{t("failed")}</Alert>
            ) : null}
            <Button type="submit" variant="secondary" disabled={block.isPending}>
              <Ban className="size-4" aria-hidden /> {block.isPending ? t("blocking") : t("block")}
            </Button>
          </form>
        </div>
      </DialogContent>
    </Dialog>
  );
}

// A blocked period opened on the grid: what it is for, and giving the time back.
export function BlockedPeriodDialog({
  agenda,
  period,
  onClose,
}: {
  agenda: { id: string; name: string };
  period: { id: string; reason: string; label: string };
  onClose: () => void;
}) {
  const t = useTranslations("agenda.grid.selection");
  const router = useRouter();
  const unblock = useMutation({
    mutationFn: () => apiFetch(`/api/agendas/${agenda.id}/blocks/${period.id}`, { method: "DELETE" }),
    onSuccess: () => {
      onClose();
      router.refresh();
    },
  });
  return (
    <Dialog open onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent title={t("blockedTitle", { when: period.label })} description={agenda.name} closeLabel={t("close")}>
        <p className="mb-4 text-sm">{period.reason}</p>
        {unblock.error ? <Alert className="mb-3">{unblock.error instanceof ApiError ? unblock.error.message : t("failed")}</Alert> : null}
        <Button type="button" variant="secondary" disabled={unblock.isPending} onClick={() => unblock.mutate()}>
          <Undo2 className="size-4" aria-hidden /> {t("unblock")}
        </Button>
      </DialogContent>
    </Dialog>
  );
}
