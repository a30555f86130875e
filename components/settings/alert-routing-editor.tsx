"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { StaffRole } from "@/db/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError, fieldError } from "@/lib/api/client";
import { useSave } from "./use-save";

type Route = { type: string; roles: StaffRole[]; namedDoctor: boolean; staffUserIds: string[]; custom: boolean };
type Staff = { id: string; name: string; role: StaffRole };

const typeKey = (type: string) => type.replace(".", "__");

function RouteForm({ route, roles, staff }: { route: Route; roles: readonly StaffRole[]; staff: Staff[] }) {
  const t = useTranslations("settings.alertRouting");
  const tType = useTranslations("eventTypes");
  const tRole = useTranslations("roles");
  const id = useId();
  const [chosen, setChosen] = useState(new Set(route.roles));
  const [doctor, setDoctor] = useState(route.namedDoctor);
  const [people, setPeople] = useState(new Set(route.staffUserIds));
  const save = useSave("PUT", "/api/alert-routes");
  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  return (
    <form
      className="rounded-lg bg-white p-4 ring-1 ring-slate-200"
      aria-labelledby={`${id}-title`}
      data-testid="alert-route"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ type: route.type, roles: roles.filter((r) => chosen.has(r)), namedDoctor: doctor, staffUserIds: [...people] });
      }}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {tType(typeKey(route.type))}{" "}
        {route.custom ? null : <span className="ml-1 text-xs font-normal text-slate-600">({t("default")})</span>}
      </h2>
      <fieldset className="mt-2">
        <legend className="text-sm font-medium text-slate-700">{t("roles")}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {roles.map((role) => (
            <label key={role} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={chosen.has(role)} onChange={() => setChosen((s) => toggle(s, role))} />
              {tRole(role)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="mt-2 inline-flex items-center gap-1.5 text-sm">
        <input type="checkbox" checked={doctor} onChange={(e) => setDoctor(e.target.checked)} />
        {t("namedDoctor")}
      </label>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">{t("people", { count: people.size })}</summary>
        <fieldset className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          <legend className="sr-only">{t("peopleLegend")}</legend>
          {staff.map((s) => (
            <label key={s.id} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" checked={people.has(s.id)} onChange={() => setPeople((p) => toggle(p, s.id))} />
              {s.name} <span className="text-xs text-slate-600">({tRole(s.role)})</span>
            </label>
          ))}
        </fieldset>
      </details>
      {fieldError(save.error, "staffUserIds") ? (
        <p className="mt-1 text-sm text-red-700" role="alert">
          {fieldError(save.error, "staffUserIds")}
        </p>
      ) : null}
      {save.error && !fieldError(save.error, "staffUserIds") ? (
        <Alert className="mt-2">{save.error instanceof ApiError ? save.error.message : t("failed")}</Alert>
      ) : null}
      <div className="mt-3 flex items-center gap-3">
        <Button type="submit" variant="secondary" size="sm" disabled={save.isPending}>
          {t("save")}
        </Button>
        <span role="status" className="text-sm text-slate-600">
          {save.isSuccess ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}

// Who receives each staff alert type: roles, the doctor the alert names, and named staff.
export function AlertRoutingEditor({ routes, roles, staff }: { routes: Route[]; roles: readonly StaffRole[]; staff: Staff[] }) {
  const t = useTranslations("settings.alertRouting");
  return (
    <div className="space-y-4">
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <div className="grid gap-4 lg:grid-cols-2">
        {routes.map((r) => (
          <RouteForm key={r.type} route={r} roles={roles} staff={staff} />
        ))}
      </div>
    </div>
  );
}
