import { createTranslator } from "next-intl";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import type { Locale } from "./locale";

const MESSAGES = { en, fr } as const;

// The UI texts outside a request (queue workers, stored notification titles).
export function messageTranslator(locale: Locale) {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
}
