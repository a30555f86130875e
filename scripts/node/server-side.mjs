// `node --import ./scripts/node/server-side.mjs`: scripts and tests are server code, as Next's
// server is, so "server-only" resolves to nothing here too (Next does the same on its server).
// Only that one package is redirected: React and the rest resolve as usual.
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
