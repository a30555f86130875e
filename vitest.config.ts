import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

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
    // Integration files each migrate their own database; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Attachments uploaded by tests go to a scratch folder, not the dev database's.
    env: { STORAGE_DIR: path.join(os.tmpdir(), "clinic-notify-test-uploads") },
  },
});
