import { z } from "zod";

// Keyset pagination cursors: the sort key of the last row seen, opaque to clients.
// Lists never use OFFSET, so page 500 costs the same as page 1.
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function cursorSchema<T extends z.ZodTuple>(shape: T) {
  return z.string().transform((value, ctx) => {
    try {
      const parsed = shape.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
      if (parsed.success) return parsed.data as z.output<T>;
    } catch {
      // fall through to the issue below
    }
    ctx.addIssue({ code: "custom", message: "is not a cursor returned by this list" });
    return z.NEVER;
  });
}
