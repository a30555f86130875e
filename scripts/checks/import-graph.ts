// The project's import graph by folder ("unit"): which unit each source file belongs to and
// which units it imports. Used by the layer check (scripts/checks/layers.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SOURCE_DIRS = ["app", "components", "db", "lib", "scripts", "e2e"];
const SKIP = new Set(["node_modules", ".next", ".data", "migrations"]);

export type SourceImport = { file: string; line: number; spec: string; target: string; typeOnly: boolean };

function walk(dir: string, out: string[]) {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(name)) out.push(path.relative(ROOT, full));
  }
}

export function sourceFiles(): string[] {
  const files = ["instrumentation.ts", "proxy.ts"];
  for (const dir of SOURCE_DIRS) walk(path.join(ROOT, dir), files);
  return files;
}

// The unit a path belongs to: a folder of lib/ ("lib/notifications"), db's core or its seed,
// or a top-level folder.
export function unitOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] === "lib" && parts.length > 2) return `lib/${parts[1]}`;
  if (parts[0] === "db") return parts[1] === "seed" ? "db/seed" : "db";
  return parts.length > 1 ? parts[0] : file;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) {
    try {
      if (statSync(path.join(ROOT, candidate)).isFile()) return path.normalize(candidate);
    } catch {
      // not this one
    }
  }
  return path.normalize(base);
}

// text: the file's source, when checking a file that is not on disk.
export function importsOf(file: string, text = readFileSync(path.join(ROOT, file), "utf8")): SourceImport[] {
  const found: SourceImport[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3] ?? m[4];
    const target = resolve(file, spec);
    if (!target) continue;
    const line = text.slice(0, m.index).split("\n").length + (m[0].startsWith("\n") ? 1 : 0);
    found.push({ file, line, spec, target, typeOnly: Boolean(m[2]) });
  }
  return found;
}
