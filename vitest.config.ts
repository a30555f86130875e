import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Everything a test writes to disk goes to a folder of this run, never to the developer's
// .data/ (their database, uploads and keys).
const scratch = mkdtempSync(path.join(os.tmpdir(), "clinic-notify-test-"));

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next resolves "server-only" to nothing on the server; tests are the server too.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    include: ["{lib,db,app,scripts}/**/*.test.ts"],
    // Migrates once; each file copies that database (lib/testing/test-template.ts).
    globalSetup: ["lib/testing/test-template.ts"],
    setupFiles: ["lib/testing/each-file.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // A worker keeps its imported modules from one file to the next (firebase-admin, the AWS
    // SDK and next-auth took most of a file's time to import again); every file still gets a
    // database of its own, and module state is keyed by clinic or reset by the file that sets it.
    isolate: false,
    // Files run side by side: each has a database of its own. Most of a file's time is spent
    // waiting on its database or a local HTTP server, so two per core keeps both cores busy.
    maxWorkers: Math.max(2, os.availableParallelism() * 2),
    env: {
      STORAGE_DIR: path.join(scratch, "uploads"),
      PGLITE_DIR: path.join(scratch, "pglite"),
      AUTH_SECRET_FILE: path.join(scratch, "auth-secret"),
      CHANNEL_SECRETS_KEY_FILE: path.join(scratch, "channel-secrets-key"),
      // The AWS SDK's notice that its releases after January 2027 need Node 22 (README,
      // "Node"), printed once per worker, said once in the README instead.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
  },
});
