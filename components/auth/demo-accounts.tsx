"use client";

import { useTranslations } from "next-intl";

type Account = { name: string; email: string; role: string };

// Clicking an account fills the sign-in form, so trying a role takes one click and "Sign in".
export function DemoAccounts({ password, clinics }: { password: string; clinics: { clinic: string; accounts: Account[] }[] }) {
  const t = useTranslations("signIn.demo");
  const tRole = useTranslations("roles");
  function fill(email: string) {
    const emailInput = document.getElementById("email") as HTMLInputElement | null;
    const passwordInput = document.getElementById("password") as HTMLInputElement | null;
    if (emailInput && passwordInput) {
      emailInput.value = email;
      passwordInput.value = password;
      passwordInput.focus();
    }
  }
  return (
    <section aria-labelledby="demo-title" className="w-full max-w-xl rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="demo-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {t("password")} <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-900">{password}</code>
      </p>
      {clinics.map(({ clinic, accounts }) => (
        <div key={clinic} className="mt-4">
          <h3 className="text-sm font-semibold text-slate-800">{clinic}</h3>
          <ul className="mt-2 grid gap-1 sm:grid-cols-2">
            {accounts.map((a) => (
              <li key={a.email}>
                <button
                  type="button"
                  onClick={() => fill(a.email)}
                  className="w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-brand-50"
                  title={t("useAccount")}
                >
                  <span className="block font-mono text-xs text-slate-900">{a.email}</span>
                  <span className="text-xs text-slate-500">
                    {tRole(a.role)} · {a.name}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
