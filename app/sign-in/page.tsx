import { Stethoscope } from "lucide-react";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { listDemoAccounts } from "@/lib/auth/demo-accounts";
import { currentStaff } from "@/lib/auth/staff-context";

export async function generateMetadata() {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await currentStaff()) redirect("/");
  const t = await getTranslations("signIn");
  const { callbackUrl, error } = await searchParams;
  const demo = await listDemoAccounts(getDb());
  return (
    <main className="mx-auto flex min-h-screen max-w-5xl flex-col items-center justify-center gap-10 px-4 py-10 lg:flex-row lg:items-start lg:pt-24">
      <section className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
        <div className="mb-6 flex items-center gap-2 text-brand-700">
          <Stethoscope className="size-6" aria-hidden />
          <span className="text-lg font-semibold">Clinic Notify</span>
        </div>
        <h1 className="mb-6 text-2xl font-semibold">{t("title")}</h1>
        <SignInForm callbackUrl={safeCallback(callbackUrl)} initialError={error} />
      </section>
      {demo.clinics.length > 0 ? <DemoAccounts password={demo.password} clinics={demo.clinics} /> : null}
    </main>
  );
}

// Only same-site paths: an open redirect after sign-in would be a phishing gift.
function safeCallback(url: string | undefined): string {
  if (!url) return "/";
  try {
    const parsed = new URL(url, "http://local");
    return parsed.origin === "http://local" ? `${parsed.pathname}${parsed.search}` : "/";
  } catch {
    return "/";
  }
}
