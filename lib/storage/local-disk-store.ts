import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { FileStore } from "./types";

// The embedded default: files under a folder (.data/uploads), one per key.
export class LocalDiskStore implements FileStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  // Keys are ours (clinic id / uuid), but a key must never reach outside the root.
  private pathOf(key: string): string {
    if (!/^[0-9a-z-]+(\/[0-9a-z-]+)*$/i.test(key)) throw new Error(`Invalid storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside then renamed would be safer still; a half-written file is never linked,
    // because the row pointing at it is inserted after this resolves.
    await writeFile(file, bytes, { flag: "wx" });
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  stream(key: string): NodeJS.ReadableStream {
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
