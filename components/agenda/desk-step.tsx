"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import type { AppointmentStatus } from "@/db/schema";
import { ApiError, apiFetch } from "@/lib/api/client";
import { mayMarkNoShow, nextDeskStep } from "@/lib/scheduling/appointment-status";

// The desk's day on the agenda, one click each: arrived (into the waiting room) → with the
// doctor → seen, and a no-show once the appointment has started. The server checks the same
// rules; the agenda's live feed shows each click on the doctor's screen.
export function DeskStep({ id, status, startsAt, patient }: { id: string; status: AppointmentStatus; startsAt: string; patient: string }) {
  const t = useTranslations("agenda.desk");
  const router = useRouter();
  const change = useMutation({
    mutationFn: (to: AppointmentStatus) =>
      apiFetch(`/api/appointments/${id}`, { method: "PATCH", body: JSON.stringify({ action: "set_status", status: to }) }),
    onSuccess: () => router.refresh(),
  });
  const step = nextDeskStep(status);
  const noShow = mayMarkNoShow({ status, startsAt: new Date(startsAt) }, new Date());
  if (!step && !noShow) return null;
  return (
    <span className="flex flex-wrap items-center gap-1">
      {step ? (
        <Button
          type="button"
          size="sm"
          disabled={change.isPending}
          aria-label={t(`stepLabel.${step}`, { patient })}
          onClick={() => change.mutate(step)}
          data-testid="desk-step"
        >
          {t(`step.${step}`)}
        </Button>
      ) : null}
      {noShow ? (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={change.isPending}
          aria-label={t("noShowLabel", { patient })}
          onClick={() => change.mutate("no_show")}
        >
          {t("noShow")}
        </Button>
      ) : null}
      {change.error ? (
        <span role="alert" className="text-xs font-medium text-red-700">
          {change.error instanceof ApiError ? change.error.message : t("failed")}
        </span>
      ) : null}
    </span>
  );
}
