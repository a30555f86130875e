import { describe, expect, it } from "vitest";
import { demoSeedDecision } from "./demo-policy";

describe("when the demo clinics are seeded", () => {
  it("development on an empty database gets them; a database with a clinic is left alone", () => {
    expect(demoSeedDecision({ production: false, demoSeed: undefined, clinicCount: 0 })).toBe("seed");
    expect(demoSeedDecision({ production: false, demoSeed: undefined, clinicCount: 1 })).toBe("leave");
    expect(demoSeedDecision({ production: false, demoSeed: "1", clinicCount: 3 })).toBe("leave");
  });

  it("production never gets them unless asked with DEMO_SEED=1", () => {
    expect(demoSeedDecision({ production: true, demoSeed: undefined, clinicCount: 0 })).toBe("no_clinic_yet");
    expect(demoSeedDecision({ production: true, demoSeed: "1", clinicCount: 0 })).toBe("seed");
    expect(demoSeedDecision({ production: false, demoSeed: "0", clinicCount: 0 })).toBe("no_clinic_yet");
  });
});
