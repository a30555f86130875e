"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/api/client";
import { useSave } from "./use-save";

type Preference = { type: string; inApp: boolean; webPush: boolean };

// Each staff member's own channels per alert type: in the app, in the browser.
export function AlertPreferencesForm({ preferences }: { preferences: Preference[] }) {
  const t = useTranslations("settings.notifications");
  const tType = useTranslations("eventTypes");
  const [choices, setChoices] = useState(preferences);
  const save = useSave("PUT", "/api/me/alert-preferences");
  const set = (type: string, patch: Partial<Preference>) => setChoices((all) => all.map((p) => (p.type === type ? { ...p, ...patch } : p)));
  return (
    <form
      className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200"
      aria-labelledby="alert-preferences"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ preferences: choices });
      }}
    >
      <h2 id="alert-preferences" className="font-semibold">
        {t("perType")}
      </h2>
      <p className="text-sm text-slate-700">{t("perTypeHint")}</p>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-slate-600">
            <th scope="col" className="py-1 font-medium">
              {t("alertType")}
            </th>
            <th scope="col" className="py-1 text-center font-medium">
              {t("inApp")}
            </th>
            <th scope="col" className="py-1 text-center font-medium">
              {t("inBrowser")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {choices.map((p) => {
            const label = tType(p.type.replace(".", "__"));
            return (
              <tr key={p.type}>
                <th scope="row" className="py-1.5 text-left font-normal">
                  {label}
                </th>
                <td className="text-center">
                  <input
                    type="checkbox"
                    aria-label={t("inAppFor", { type: label })}
                    checked={p.inApp}
                    onChange={(e) => set(p.type, { inApp: e.target.checked })}
                  />
                </td>
                <td className="text-center">
                  <input
                    type="checkbox"
                    aria-label={t("inBrowserFor", { type: label })}
                    checked={p.webPush}
                    onChange={(e) => set(p.type, { webPush: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {save.error ? <Alert>{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {t("savePreferences")}
        </Button>
        <span role="status" className="text-sm text-slate-600">
          {save.isSuccess ? t("savedPreferences") : ""}
        </span>
      </div>
    </form>
  );
}
