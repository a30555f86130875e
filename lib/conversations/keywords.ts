// Compliance keywords (SMS, and WhatsApp the same way). The whole message must be the keyword (carriers match it that way):
// "STOP" opts out, "Stop the appointment" does not. STOP is never an appointment cancellation.
const STOP = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET"]);
const START = new Set(["START", "UNSTOP", "YES"]);
const HELP = new Set(["HELP", "AIDE", "INFO"]);

export type PatientKeyword = "stop" | "start" | "help";

export function patientKeyword(body: string): PatientKeyword | null {
  const word = body
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .trim()
    .replace(/[.!]+$/, "")
    .toUpperCase();
  if (STOP.has(word)) return "stop";
  if (START.has(word)) return "start";
  if (HELP.has(word)) return "help";
  return null;
}
