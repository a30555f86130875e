import { AppError } from "@/lib/errors/app-errors";

// The largest JSON body or webhook any route takes; uploads have their own limit.
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError(413, "too_large", `The request body is larger than ${Math.round(maxBytes / 1024)} KB.`, {
    _: [`at most ${maxBytes} bytes`],
  });

// Refuses a body that says it is too large before a byte of it is read (no session or
// signature is checked first: refusing costs nothing).
export function refuseDeclaredOversize(request: Request, maxBytes: number): void {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
}

// The body's bytes, read as they arrive and cut off past maxBytes: a chunked body that never
// declared its size cannot grow memory beyond the limit.
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  refuseDeclaredOversize(request, maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    // A client that goes away mid-body is not our failure: a 400, and nothing to log.
    const { done, value } = await reader.read().catch(() => {
      throw new AppError(400, "aborted", "The request body was cut off before it ended.");
    });
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, maxBytes));
}
