import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

// A mobile number in E.164 (+33612345678), or null when the input is not a valid mobile.
// National formats ("06 12 34 56 78") are read in the clinic's country.
export function toE164Mobile(raw: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  // Some countries (US) cannot tell mobile from fixed lines; those numbers are accepted.
  if (type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return null;
  return parsed.number;
}

// For search: what a typed phone fragment is in E.164 digits, best effort.
export function phoneSearchDigits(raw: string, country: string): string | null {
  if (!/^[\d\s+().-]{3,}$/.test(raw)) return null;
  const full = parsePhoneNumberFromString(raw, country as CountryCode);
  if (full?.isValid()) return full.number.slice(1);
  const digits = raw.replace(/\D/g, "").replace(/^0+/, "");
  return digits.length >= 3 ? digits : null;
}

// Any valid number (a landline, or a mobile typed in the landline field) in E.164, or null.
export function toE164Phone(raw: string, country: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

// As the clinic writes it at home ("06 12 34 56 78"), international for a foreign number.
export function formatPhoneNational(e164: string, clinicCountry: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === clinicCountry ? parsed.formatNational() : parsed.formatInternational();
}
