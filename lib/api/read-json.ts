import { InvalidInputError } from "@/lib/errors/app-errors";

export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new InvalidInputError("The request body must be JSON.", { _: ["Invalid JSON."] });
  }
}
