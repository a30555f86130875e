import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["{lib,db,app,scripts}/**/*.test.ts"],
    // Integration files each migrate their own database; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
