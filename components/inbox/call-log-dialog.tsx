"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Phone } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { FormField, Input, Select } from "@/components/ui/field";
import { ApiError, apiFetch, fieldError, namesFields } from "@/lib/api/client";

// The browser's local time for a datetime-local input (which has no zone).
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

// "Log call": a call is never recorded, only logged with its time, length and a summary.
export function CallLogDialog({ conversationId }: { conversationId: string }) {
  const t = useTranslations("inbox.call");
  const [open, setOpen] = useState(false);
  const client = useQueryClient();
  const log = useMutation({
    mutationFn: (form: FormData) =>
      apiFetch(`/api/conversations/${conversationId}/calls`, {
        method: "POST",
        body: JSON.stringify({
          direction: form.get("direction"),
          at: new Date(String(form.get("at"))).toISOString(),
          durationMinutes: Number(form.get("duration")),
          summary: String(form.get("summary") ?? ""),
        }),
      }),
    onSuccess: () => {
      setOpen(false);
      client.invalidateQueries({ queryKey: ["thread", conversationId] });
      client.invalidateQueries({ queryKey: ["conversations"] });
    },
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm">
          <Phone className="size-4" aria-hidden /> {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} closeLabel={t("close")}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            log.mutate(new FormData(e.currentTarget));
          }}
        >
          <div className="grid grid-cols-2 gap-3">
            <FormField id="call-at" label={t("at")} error={fieldError(log.error, "at")}>
              {(control) => <Input {...control} name="at" type="datetime-local" defaultValue={open ? localNow() : undefined} required />}
            </FormField>
            <FormField id="call-duration" label={t("duration")} error={fieldError(log.error, "durationMinutes")}>
              {(control) => <Input {...control} name="duration" type="number" min={0} max={600} defaultValue={5} required />}
            </FormField>
          </div>
          <FormField id="call-direction" label={t("direction")} error={fieldError(log.error, "direction")}>
            {(control) => (
              <Select {...control} name="direction" defaultValue="inbound" className="w-full">
                <option value="inbound">{t("inbound")}</option>
                <option value="outbound">{t("outbound")}</option>
              </Select>
            )}
          </FormField>
          <FormField id="call-summary" label={t("summary")} error={fieldError(log.error, "summary")}>
            {(control) => (
              <textarea
                {...control}
                name="summary"
                required
                maxLength={2000}
                rows={3}
                className="w-full rounded-md border border-slate-300 p-2 text-sm aria-invalid:border-red-500"
              />
            )}
          </FormField>
          {log.error && !namesFields(log.error) ? <Alert>{log.error instanceof ApiError ? log.error.message : t("failed")}</Alert> : null}
          <div className="flex justify-end">
            <Button type="submit" disabled={log.isPending}>
              {t("save")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
