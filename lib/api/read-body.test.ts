import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-errors";
import { readBodyBytes, readBodyText } from "./read-body";
import { readJsonBody } from "./read-json";

// A body that never says how large it is, produced chunk by chunk; counts what was pulled.
function endlessBody(chunkBytes: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += 1;
      controller.enqueue(new Uint8Array(chunkBytes));
    },
  });
  return { request: new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("body limits at the edge", () => {
  it("cuts a chunked body off as soon as it passes the limit, without reading the rest", async () => {
    const body = endlessBody(64 * 1024);
    const error = await readBodyBytes(body.request, 1024 * 1024).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 413, code: "too_large" });
    // 1 MB in 64 KB chunks: 17 chunks, not the 200 MB an attacker meant to send.
    expect(body.pulled()).toBeLessThanOrEqual(18);
  });

  it("refuses a declared oversize body before reading any of it", async () => {
    let read = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull() {
          read = true;
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request("http://x/", {
      method: "POST",
      body: stream,
      duplex: "half",
      headers: { "content-length": String(200 * 1024 * 1024) },
    } as RequestInit);
    await expect(readBodyText(request)).rejects.toMatchObject({ status: 413 });
    expect(read).toBe(false);
  });

  it("reads a body under the limit whole, and names non-JSON", async () => {
    expect(await readBodyText(new Request("http://x/", { method: "POST", body: "héllo" }))).toBe("héllo");
    await expect(readJsonBody(new Request("http://x/", { method: "POST", body: "{nope" }))).rejects.toMatchObject({
      status: 400,
      fields: { _: ["Invalid JSON."] },
    });
  });
});
