import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

export { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, type Locale } from "./locales";

export const localeSchema = z.enum(LOCALES);

// The cookie set by the language switcher wins; else the browser's first supported language.
export function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  const fromCookie = localeSchema.safeParse(cookie);
  if (fromCookie.success) return fromCookie.data;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = localeSchema.safeParse(part.split(";")[0].trim().slice(0, 2).toLowerCase());
    if (tag.success) return tag.data;
  }
  return DEFAULT_LOCALE;
}
