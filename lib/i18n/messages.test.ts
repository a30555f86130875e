import { describe, expect, it } from "vitest";
import { SKIP_REASONS } from "@/lib/notifications/skip-reasons";
import en from "./messages/en.json";
import fr from "./messages/fr.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("UI texts", () => {
  it("French has every key English has, and no other", () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it("every reason a message was not sent has a sentence in both languages", () => {
    for (const reason of SKIP_REASONS) {
      expect(en.skipReasons[reason]).toBeTruthy();
      expect(fr.skipReasons[reason]).toBeTruthy();
    }
  });
});
