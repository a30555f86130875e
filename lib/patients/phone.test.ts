import { describe, expect, it } from "vitest";
import { phoneSearchDigits, toE164Mobile } from "./phone";

describe("mobile numbers", () => {
  it("normalises a French mobile typed in national format to E.164", () => {
    expect(toE164Mobile("06 12 34 56 78", "FR")).toBe("+33612345678");
    expect(toE164Mobile("+33 6 12 34 56 78", "US")).toBe("+33612345678");
  });

  it("refuses a French landline: SMS and WhatsApp need a mobile", () => {
    expect(toE164Mobile("01 42 68 53 00", "FR")).toBeNull();
  });

  it("accepts US numbers, where mobile and landline cannot be told apart", () => {
    expect(toE164Mobile("(917) 382-4410", "US")).toBe("+19173824410");
  });

  it("refuses garbage", () => {
    expect(toE164Mobile("call me", "FR")).toBeNull();
    expect(toE164Mobile("12", "FR")).toBeNull();
  });

  it("turns a typed phone fragment into searchable digits", () => {
    expect(phoneSearchDigits("06 12 34 56 78", "FR")).toBe("33612345678");
    expect(phoneSearchDigits("0612", "FR")).toBe("612");
    expect(phoneSearchDigits("dupont", "FR")).toBeNull();
  });
});
