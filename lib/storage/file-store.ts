import "server-only";
import { env } from "@/lib/config/env";
import { LocalDiskStore } from "./local-disk-store";
import type { FileStore } from "./types";

export type { FileStore } from "./types";

let store: FileStore | undefined;

// The configured store (local disk under STORAGE_DIR by default), one per process.
export function fileStore(): FileStore {
  store ??= new LocalDiskStore(env().STORAGE_DIR);
  return store;
}
