"use client";

import { useMutation } from "@tanstack/react-query";
import { CalendarPlus, UserPlus } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { DuplicateMatches, possibleDuplicates } from "@/components/patients/duplicate-matches";
import { usePatientSearch } from "@/components/patients/use-patient-search";
import { useAnnounce } from "@/components/shell/announcer";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError, apiFetch, fieldError } from "@/lib/api/client";
import { usePatientFacts } from "@/components/patients/use-patient-facts";
import { RepeatFields, SeriesUnavailable, unavailableDates, type Repeat } from "./repeat-fields";

export type VisitReasonOption = { id: string; name: string; durationMinutes: number };

type Props = {
  agenda: { id: string; name: string };
  // Wall-clock start in the clinic's zone ("2026-12-02T09:30") and how it reads ("09:30").
  slot: { local: string; label: string };
  visitReasons: VisitReasonOption[];
  visitReasonId: string;
  patient?: { id: string; name: string };
  timeZone: string;
  // Opened by the time grid (a click or a drag over a free stretch) rather than by its own button.
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

// The patient's other appointments that day, from a 409 same_day_booking.
function sameDayOf(error: ApiError): { startsAt: string; agendaName: string }[] {
  return (error.details as { appointments?: { startsAt: string; agendaName: string }[] } | undefined)?.appointments ?? [];
}

// A free slot, booked: find the patient (or create them in place), pick the visit reason,
// book. If someone took the slot meanwhile, the server says so and the view refreshes.
export function BookingDialog({
  agenda,
  slot,
  visitReasons,
  visitReasonId,
  patient: preselected,
  timeZone,
  open: openedBy,
  onOpenChange: tellOpener,
}: Props) {
  const t = useTranslations("agenda.booking");
  const facts = usePatientFacts();
  const format = useFormatter();
  const router = useRouter();
  const announce = useAnnounce();
  const id = useId();
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = openedBy !== undefined;
  const open = controlled ? openedBy : ownOpen;
  const setOpen = (next: boolean) => (controlled ? tellOpener?.(next) : setOwnOpen(next));
  const [q, setQ] = useState("");
  const [patient, setPatient] = useState(preselected ?? null);
  const [creating, setCreating] = useState(false);
  const [reason, setReason] = useState(visitReasonId);
  const [repeat, setRepeat] = useState<Repeat>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const search = usePatientSearch(q);

  const book = useMutation({
    mutationFn: async ({
      form,
      duplicateReason,
      sameDayConfirmed,
      skipUnavailable,
    }: {
      form: FormData;
      duplicateReason?: string;
      sameDayConfirmed?: boolean;
      skipUnavailable?: boolean;
    }) => {
      let patientId = patient?.id;
      if (creating) {
        const created = await apiFetch<{ patient: { id: string } }>("/api/patients", {
          method: "POST",
          body: JSON.stringify({
            firstName: form.get("firstName"),
            lastName: form.get("lastName"),
            phone: form.get("phone"),
            email: form.get("email"),
            duplicateReason,
          }),
        });
        patientId = created.patient.id;
        // Created once: if the booking is refused, a retry books this patient, not a twin.
        setPatient({ id: patientId, name: `${form.get("firstName")} ${form.get("lastName")}` });
        setCreating(false);
      }
      return apiFetch<{ appointment: { id: string; bookingReference: string }; series?: { appointments: unknown[] } }>(
        "/api/appointments",
        {
          method: "POST",
          body: JSON.stringify({
            agendaId: agenda.id,
            visitReasonId: reason,
            patientId,
            startsAt: slot.local,
            sameDayConfirmed,
            notes: String(form.get("notes") ?? "").trim() || undefined,
            ...(repeat ? { repeat, skipUnavailable } : {}),
          }),
        },
      );
    },
    onSuccess: ({ appointment, series }) => {
      setOpen(false);
      announce(
        series
          ? t("bookedSeries", { count: series.appointments.length, time: slot.label, reference: appointment.bookingReference })
          : t("booked", { time: slot.label, reference: appointment.bookingReference }),
      );
      // The agenda says so, visibly, with a link to the appointment; the "booking for …"
      // banner ends with its patient.
      const next = new URLSearchParams(window.location.search);
      next.delete("patient");
      next.set("booked", appointment.id);
      // Booked from the list (booking for a chosen patient opens it): stay on the list.
      if (!controlled && !next.has("layout")) next.set("layout", "list");
      router.replace(`${window.location.pathname}?${next}`, { scroll: false });
    },
  });
  // A slot just taken elsewhere: the reason stays on screen, and closing the dialog shows the
  // agenda as it is now (refreshing at once would take the dialog away with its slot).
  const matches = possibleDuplicates(book.error);
  const sameDay = book.error instanceof ApiError && book.error.code === "same_day_booking" ? sameDayOf(book.error) : null;
  const unavailable = unavailableDates(book.error);
  const taken = book.error instanceof ApiError && book.error.status === 409 && !matches && !sameDay && !unavailable;
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next && taken) {
      book.reset();
      router.refresh();
    }
  };
  const error = book.error instanceof ApiError ? book.error : null;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {controlled ? null : (
        <DialogTrigger asChild>
          <button
            type="button"
            data-testid="free-slot"
            data-local={slot.local}
            className="w-full rounded-md border border-dashed border-emerald-400 bg-emerald-50 px-2 py-1.5 text-left text-sm text-emerald-900 hover:bg-emerald-100"
          >
            <span className="font-medium tabular-nums">{slot.label}</span> · {t("free")}
            <span className="sr-only"> — {t("bookOn", { agenda: agenda.name })}</span>
          </button>
        </DialogTrigger>
      )}
      <DialogContent title={t("title", { time: slot.label })} description={agenda.name} closeLabel={t("close")}>
        <form
          ref={formRef}
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            book.mutate({ form: new FormData(e.currentTarget) });
          }}
        >
          <FormField
            id={`${id}-reason`}
            label={t("visitReason")}
            error={fieldError(book.error, "visitReasonId") ?? fieldError(book.error, "startsAt")}
          >
            {(c) => (
              <Select {...c} value={reason} onChange={(e) => setReason(e.target.value)} className="w-full">
                {visitReasons.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({t("minutes", { count: r.durationMinutes })})
                  </option>
                ))}
              </Select>
            )}
          </FormField>

          <FormField id={`${id}-notes`} label={t("notes")} hint={t("notesHint")} error={fieldError(book.error, "notes")}>
            {(c) => <Input {...c} name="notes" maxLength={500} autoComplete="off" />}
          </FormField>

          <RepeatFields
            id={id}
            repeat={repeat}
            onChange={setRepeat}
            error={fieldError(book.error, "repeat.count") ?? fieldError(book.error, "repeat.intervalWeeks")}
          />

          {creating ? (
            <fieldset className="grid gap-3 sm:grid-cols-2">
              <legend className="mb-1 text-sm font-medium text-slate-800">{t("newPatient")}</legend>
              <FormField id={`${id}-first`} label={t("firstName")} error={fieldError(book.error, "firstName")}>
                {(c) => <Input {...c} name="firstName" required />}
              </FormField>
              <FormField id={`${id}-last`} label={t("lastName")} error={fieldError(book.error, "lastName")}>
                {(c) => <Input {...c} name="lastName" required />}
              </FormField>
              <FormField id={`${id}-phone`} label={t("phone")} error={fieldError(book.error, "phone")}>
                {(c) => <Input {...c} name="phone" type="tel" />}
              </FormField>
              <FormField id={`${id}-email`} label={t("email")} error={fieldError(book.error, "email")}>
                {(c) => <Input {...c} name="email" type="email" />}
              </FormField>
              <Button type="button" variant="ghost" size="sm" onClick={() => setCreating(false)}>
                {t("findInstead")}
              </Button>
            </fieldset>
          ) : patient ? (
            <div className="flex items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm" data-testid="booking-patient">
              <span>
                {t("patient")}: <strong>{patient.name}</strong>
              </span>
              <Button type="button" variant="ghost" size="sm" onClick={() => setPatient(null)}>
                {t("change")}
              </Button>
            </div>
          ) : (
            <div className="space-y-2">
              <FormField id={`${id}-search`} label={t("findPatient")} hint={t("findHint")}>
                {(c) => <Input {...c} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />}
              </FormField>
              {search.data?.patients.length ? (
                <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label={t("results")}>
                  {search.data.patients.map((p) => (
                    <li key={p.id}>
                      <button
                        type="button"
                        className="w-full px-3 py-2 text-left text-sm hover:bg-slate-50"
                        onClick={() => setPatient({ id: p.id, name: `${p.firstName} ${p.lastName}` })}
                      >
                        <span className="font-medium">
                          {p.lastName.toUpperCase()} {p.firstName}
                        </span>
                        <span className="block text-xs text-slate-600">{facts(p, ["dateOfBirth", "phoneDisplay"])}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              ) : q.trim().length >= 2 && search.isSuccess ? (
                <p className="text-sm text-slate-600">{t("noMatch")}</p>
              ) : null}
              <Button type="button" variant="ghost" size="sm" onClick={() => setCreating(true)}>
                <UserPlus className="size-4" aria-hidden /> {t("createPatient")}
              </Button>
            </div>
          )}

          {creating && matches ? (
            <DuplicateMatches
              matches={matches}
              pending={book.isPending}
              onChoose={(m) => {
                book.reset();
                setCreating(false);
                setPatient({ id: m.id, name: `${m.firstName} ${m.lastName}` });
              }}
              onCreateAnyway={(duplicateReason) => formRef.current && book.mutate({ form: new FormData(formRef.current), duplicateReason })}
            />
          ) : null}
          {sameDay ? (
            <div role="alert" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
              <p>
                {t("sameDay", {
                  appointments: format.list(
                    sameDay.map((a) =>
                      t("sameDayAt", {
                        time: format.dateTime(new Date(a.startsAt), { timeStyle: "short", timeZone }),
                        agenda: a.agendaName,
                      }),
                    ),
                  ),
                })}
              </p>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                disabled={book.isPending}
                onClick={() => formRef.current && book.mutate({ form: new FormData(formRef.current), sameDayConfirmed: true })}
              >
                {t("bookAnyway")}
              </Button>
            </div>
          ) : null}
          {unavailable && repeat ? (
            <SeriesUnavailable
              dates={unavailable}
              total={repeat.count}
              timeZone={timeZone}
              pending={book.isPending}
              onBookOthers={() => formRef.current && book.mutate({ form: new FormData(formRef.current), skipUnavailable: true })}
            />
          ) : null}
          {error && !matches && !sameDay && !unavailable && (!error.fields || error.status === 409) ? (
            <Alert>{error.message}</Alert>
          ) : book.error && !error ? (
            <Alert>{t("failed")}</Alert>
          ) : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={book.isPending || (!patient && !creating)}>
              <CalendarPlus className="size-4" aria-hidden />{" "}
              {book.isPending ? t("booking") : repeat ? t("bookSeries", { count: repeat.count }) : t("book")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
