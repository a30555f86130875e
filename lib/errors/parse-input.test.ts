import { describe, expect, it } from "vitest";
import { z } from "zod";
import { localDateSchema, localDateTimeSchema } from "@/lib/time/clinic-time";
import { InvalidInputError } from "./app-errors";
import { parseInput } from "./parse-input";

const schema = z.object({ q: z.string(), message: z.object({ body: z.string() }).optional(), tags: z.array(z.string()).optional() });

function fieldsOf(input: unknown, s: z.ZodType = schema) {
  try {
    parseInput(s, input, "request body");
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).fields;
  }
}

describe("input parsed at the edge", () => {
  it("refuses NUL characters anywhere, naming the field, before the schema runs", () => {
    expect(fieldsOf({ q: "dup\u0000ont" })).toEqual({ q: ["must not contain NUL (\\u0000) characters"] });
    expect(fieldsOf({ q: "x", message: { body: "a\u0000" }, tags: ["ok", "b\u0000"] })).toEqual({
      "message.body": ["must not contain NUL (\\u0000) characters"],
      "tags.1": ["must not contain NUL (\\u0000) characters"],
    });
    expect(fieldsOf({ q: "x", ["k\u0000"]: 1 })).toEqual({ "k\\0": ["must not contain NUL (\\u0000) characters"] });
    expect(fieldsOf({ q: "fine" })).toBeNull();
  });

  it("refuses impossible dates instead of rolling them over", () => {
    const at = z.object({ startsAt: localDateTimeSchema });
    for (const impossible of [
      "2026-13-45T99:99",
      "2026-02-30T09:00",
      "2026-04-31T09:00",
      "2026-03-29T24:00",
      "2026-03-29T09:60",
      "0001-01-01T09:00",
      "9999-01-01T09:00",
    ]) {
      expect(fieldsOf({ startsAt: impossible }, at), impossible).toMatchObject({
        startsAt: [expect.stringContaining("must be a real date")],
      });
    }
    expect(fieldsOf({ startsAt: "2028-02-29T09:00" }, at)).toBeNull();
    expect(fieldsOf({ date: "2027-02-29" }, z.object({ date: localDateSchema }))).toMatchObject({
      date: [expect.stringContaining("must be a real date")],
    });
  });
});
