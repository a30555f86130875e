"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { ApiError, apiFetch } from "@/lib/api/client";
import type { StaffPreferences } from "@/lib/auth/preferences-schema";

// "My preferences": each switch saves at once and says so; a refused change rolls back.
export function PreferencesForm({ preferences }: { preferences: StaffPreferences }) {
  const t = useTranslations("settings.preferences");
  const router = useRouter();
  const [value, setValue] = useState(preferences);
  const id = useId();
  const save = useMutation({
    mutationFn: (change: Partial<StaffPreferences>) =>
      apiFetch<{ preferences: StaffPreferences }>("/api/me/preferences", { method: "PATCH", body: JSON.stringify(change) }),
    onMutate: (change) => {
      const before = value;
      setValue({ ...value, ...change });
      return { before };
    },
    onSuccess: ({ preferences: saved }) => {
      setValue(saved);
      // The shell reads preferences on the server: refresh so every page follows at once.
      router.refresh();
    },
    onError: (_e, _change, context) => context && setValue(context.before),
  });
  return (
    <section aria-labelledby={`${id}-keyboard`} className="max-w-2xl rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <h2 id={`${id}-keyboard`} className="font-semibold text-slate-900">
        {t("keyboard.title")}
      </h2>
      <div className="mt-3 flex items-start gap-3">
        <input
          id={`${id}-shortcuts`}
          type="checkbox"
          role="switch"
          className="mt-1 size-4"
          checked={value.keyboardShortcuts}
          aria-describedby={`${id}-shortcuts-hint`}
          onChange={(e) => save.mutate({ keyboardShortcuts: e.target.checked })}
          data-testid="pref-shortcuts"
        />
        <div>
          <label htmlFor={`${id}-shortcuts`} className="text-sm font-medium text-slate-800">
            {t("keyboard.shortcuts")}
          </label>
          <p id={`${id}-shortcuts-hint`} className="text-sm text-slate-600">
            {t("keyboard.hint")}
          </p>
        </div>
      </div>
      <p role="status" className="mt-3 min-h-5 text-sm text-slate-600">
        {save.isSuccess ? t("saved") : save.isPending ? t("saving") : ""}
      </p>
      {save.isError ? <Alert>{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert> : null}
    </section>
  );
}
