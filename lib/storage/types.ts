// Where attachment bytes live. The database keeps what we know about a file (name, sniffed
// type, size, hash); the store keeps the bytes under an opaque key. Production can swap in
// an S3-compatible store by implementing these four methods.
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  // The bytes as a stream, for files read in constant memory (a 100,000-row CSV import).
  stream(key: string): NodeJS.ReadableStream;
  delete(key: string): Promise<void>;
}
