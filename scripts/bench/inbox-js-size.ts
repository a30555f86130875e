import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { round } from "./stats";
import type { Benchmark } from "./types";

const NEXT_DIR = path.resolve(".next");
const ENTRY = "[project]/app/(staff)/inbox/page";

// What a browser downloads to run /inbox: Next's runtime (rootMainFiles) and the route's
// chunks (its layouts and page), read from the production build's manifests, gzipped.
// Builds first if there is no production build.
export const inboxJsSizeBenchmark: Benchmark = {
  name: "inbox-js",
  description: "gzipped JavaScript of the /inbox route in the production build",
  async run() {
    if (!existsSync(path.join(NEXT_DIR, "BUILD_ID"))) {
      const build = spawnSync(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"], {
        stdio: "inherit",
      });
      if (build.status !== 0) throw new Error("next build failed");
    }
    const manifest = JSON.parse(readFileSync(path.join(NEXT_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
    const g = globalThis as typeof globalThis & { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
    g.__RSC_MANIFEST ??= {};
    // The client reference manifest is a script that assigns itself to this global.
    new Function(readFileSync(path.join(NEXT_DIR, "server/app/(staff)/inbox/page_client-reference-manifest.js"), "utf8"))();
    const entry = g.__RSC_MANIFEST["/(staff)/inbox/page"]?.entryJSFiles[ENTRY];
    if (!entry) throw new Error(`No ${ENTRY} in the client reference manifest`);
    const files = [...new Set([...manifest.rootMainFiles, ...entry])];
    let raw = 0;
    let gzipped = 0;
    for (const file of files) {
      const bytes = readFileSync(path.join(NEXT_DIR, file));
      raw += bytes.byteLength;
      gzipped += gzipSync(bytes, { level: 9 }).byteLength;
    }
    return { chunks: files.length, raw_kb: round(raw / 1024, 1), gzipped_kb: round(gzipped / 1024, 1), target_gzipped_kb: 250 };
  },
};
