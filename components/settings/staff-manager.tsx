"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel, Input, Select } from "@/components/ui/field";
import { ApiError, fieldError } from "@/lib/api/client";
import { useSave } from "./use-save";

type Member = {
  id: string;
  name: string;
  email: string;
  role: string;
  permissions: string[];
  active: boolean;
  lastSignInAt: string | null;
};
type Props = { staff: Member[]; me: string; roles: readonly string[]; permissions: readonly string[] };

function ErrorLine({ error, field }: { error: unknown; field?: string }) {
  const t = useTranslations("settings.staff");
  const message = field ? fieldError(error, field) : undefined;
  if (message) return <p className="mt-1 text-sm text-red-700">{message}</p>;
  if (!field && error) return <Alert className="mt-2">{error instanceof ApiError ? error.message : t("failed")}</Alert>;
  return null;
}

function MemberCard({
  member,
  isMe,
  roles,
  permissions,
}: {
  member: Member;
  isMe: boolean;
  roles: readonly string[];
  permissions: readonly string[];
}) {
  const t = useTranslations("settings.staff");
  const tRole = useTranslations("roles");
  const id = useId();
  const [role, setRole] = useState(member.role);
  const [granted, setGranted] = useState(new Set(member.permissions));
  const [password, setPassword] = useState("");
  const update = useSave("PATCH", `/api/staff/${member.id}`);
  const reset = useSave("POST", `/api/staff/${member.id}/password`);
  return (
    <li className="rounded-lg bg-white p-4 ring-1 ring-slate-200" data-testid="staff-member" data-email={member.email}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold">
          {member.name} {isMe ? <span className="text-xs font-normal text-slate-600">({t("you")})</span> : null}
        </h3>
        <span className={member.active ? "text-xs text-emerald-800" : "text-xs font-medium text-red-800"}>
          {member.active ? t("active") : t("inactive")}
        </span>
      </div>
      <p className="text-sm text-slate-600">{member.email}</p>
      <form
        className="mt-3 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ role, permissions: permissions.filter((p) => granted.has(p)) });
        }}
      >
        <div>
          <FieldLabel htmlFor={`${id}-role`}>{t("role")}</FieldLabel>
          <Select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {tRole(r)}
              </option>
            ))}
          </Select>
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("permissions")}</legend>
          <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {permissions.map((p) => (
              <label key={p} className="inline-flex items-center gap-1.5 text-sm">
                <input
                  type="checkbox"
                  checked={granted.has(p)}
                  onChange={() =>
                    setGranted((s) => {
                      const next = new Set(s);
                      if (!next.delete(p)) next.add(p);
                      return next;
                    })
                  }
                />
                {t.has(`permissionNames.${p}`) ? t(`permissionNames.${p}`) : p}
              </label>
            ))}
          </div>
        </fieldset>
        <ErrorLine error={update.error} />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" size="sm" variant="secondary" disabled={update.isPending}>
            {t("save")}
          </Button>
          {!isMe ? (
            <Button
              type="button"
              size="sm"
              variant="ghost"
              disabled={update.isPending}
              onClick={() => update.mutate({ active: !member.active })}
            >
              {member.active ? t("deactivate") : t("reactivate")}
            </Button>
          ) : null}
          <span role="status" className="text-sm text-slate-600">
            {update.isSuccess ? t("saved") : ""}
          </span>
        </div>
      </form>
      <form
        className="mt-3 flex flex-wrap items-end gap-2 border-t border-slate-100 pt-3"
        onSubmit={(e) => {
          e.preventDefault();
          reset.mutate({ password }, { onSuccess: () => setPassword("") });
        }}
      >
        <div>
          <FieldLabel htmlFor={`${id}-password`}>{t("newPassword")}</FieldLabel>
          <Input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <ErrorLine error={reset.error} field="password" />
        </div>
        <Button type="submit" size="sm" variant="secondary" disabled={reset.isPending || !password}>
          {t("resetPassword")}
        </Button>
        <span role="status" className="text-sm text-slate-600">
          {reset.isSuccess ? t("passwordReset") : ""}
        </span>
      </form>
    </li>
  );
}

function NewMember({ roles }: { roles: readonly string[] }) {
  const t = useTranslations("settings.staff");
  const tRole = useTranslations("roles");
  const id = useId();
  const create = useSave("POST", "/api/staff");
  return (
    <form
      className="grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5"
      aria-label={t("add")}
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const target = e.currentTarget;
        create.mutate(Object.fromEntries(form), { onSuccess: () => target.reset() });
      }}
    >
      <div>
        <FieldLabel htmlFor={`${id}-name`}>{t("name")}</FieldLabel>
        <Input id={`${id}-name`} name="name" required />
        <ErrorLine error={create.error} field="name" />
      </div>
      <div>
        <FieldLabel htmlFor={`${id}-email`}>{t("email")}</FieldLabel>
        <Input id={`${id}-email`} name="email" type="email" required />
        <ErrorLine error={create.error} field="email" />
      </div>
      <div>
        <FieldLabel htmlFor={`${id}-role`}>{t("role")}</FieldLabel>
        <Select id={`${id}-role`} name="role" defaultValue="receptionist" className="w-full">
          {roles.map((r) => (
            <option key={r} value={r}>
              {tRole(r)}
            </option>
          ))}
        </Select>
      </div>
      <div>
        <FieldLabel htmlFor={`${id}-password`}>{t("firstPassword")}</FieldLabel>
        <Input id={`${id}-password`} name="password" type="password" autoComplete="new-password" required />
        <ErrorLine error={create.error} field="password" />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit" disabled={create.isPending}>
          {t("addButton")}
        </Button>
        <span role="status" className="text-sm text-slate-600">
          {create.isSuccess ? t("added") : ""}
        </span>
      </div>
    </form>
  );
}

// Settings → Staff: everyone at the clinic, their role and permissions; add, deactivate, reset a password.
export function StaffManager({ staff, me, roles, permissions }: Props) {
  const t = useTranslations("settings.staff");
  return (
    <div className="space-y-4">
      <p className="max-w-prose text-sm text-slate-700">{t("intro")}</p>
      <section aria-labelledby="staff-add">
        <h2 id="staff-add" className="mb-2 font-semibold">
          {t("add")}
        </h2>
        <NewMember roles={roles} />
      </section>
      <section aria-labelledby="staff-list">
        <h2 id="staff-list" className="mb-2 font-semibold">
          {t("list", { count: staff.length })}
        </h2>
        <ul className="grid gap-4 lg:grid-cols-2">
          {staff.map((m) => (
            <MemberCard key={m.id} member={m} isMe={m.id === me} roles={roles} permissions={permissions} />
          ))}
        </ul>
      </section>
    </div>
  );
}
