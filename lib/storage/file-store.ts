import { env } from "@/lib/config/env";
import { LocalDiskStore } from "./local-disk-store";

// Where attachment bytes live. The database keeps what we know about a file (name, sniffed
// type, size, hash); the store keeps the bytes under an opaque key. Production can swap in
// an S3-compatible store by implementing these three methods.
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

let store: FileStore | undefined;

export function fileStore(): FileStore {
  store ??= new LocalDiskStore(env().STORAGE_DIR);
  return store;
}
