// The supported languages, free of any dependency: the language switcher (a client
// component) imports this, and must not pull the validation library into the browser.
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "locale";
