import { InvalidInputError } from "@/lib/errors/app-errors";
import { MAX_BODY_BYTES, readBodyText } from "./read-body";

export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readBodyText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError("The request body must be JSON.", { _: ["Invalid JSON."] });
  }
}
