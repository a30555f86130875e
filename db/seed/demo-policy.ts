// Whether a start seeds the demo clinics. Pure: the caller reads the database and the flags.
// Development on an empty database gets the demo; production never does unless DEMO_SEED=1;
// a database that already has a clinic is never touched; DEMO_SEED=0 turns the demo off.
export type DemoSeedDecision = "seed" | "leave" | "no_clinic_yet";

export function demoSeedDecision(input: { production: boolean; demoSeed: "0" | "1" | undefined; clinicCount: number }): DemoSeedDecision {
  if (input.clinicCount > 0) return "leave";
  if (input.demoSeed === "1") return "seed";
  if (input.demoSeed === "0" || input.production) return "no_clinic_yet";
  return "seed";
}
