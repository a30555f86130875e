"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel, Input } from "@/components/ui/field";

const KNOWN_ERRORS = new Set(["invalid_credentials", "too_many_attempts"]);

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      router.replace(callbackUrl);
      router.refresh();
      return;
    }
    setPending(false);
    setError(result?.error ?? "unknown");
  }

  // A refused sign-in is about both fields: each is marked invalid and points at the message.
  const invalid = error ? { "aria-invalid": true as const, "aria-describedby": "sign-in-error" } : {};
  return (
    // method="post": a submit before hydration must never put the password in the URL.
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <div>
        <FieldLabel htmlFor="email">{t("email")}</FieldLabel>
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus {...invalid} />
      </div>
      <div>
        <FieldLabel htmlFor="password">{t("password")}</FieldLabel>
        <Input id="password" name="password" type="password" autoComplete="current-password" required {...invalid} />
      </div>
      {error ? <Alert id="sign-in-error">{t(`errors.${KNOWN_ERRORS.has(error) ? error : "unknown"}`)}</Alert> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
