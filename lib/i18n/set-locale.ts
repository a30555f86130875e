"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, localeSchema } from "./locale";

// Server action behind the language switcher.
export async function setLocale(locale: unknown): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(locale);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  return { ok: true };
}
