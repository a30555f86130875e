// Vitest runs this before every test file. Workers keep their modules between files
// (vitest.config.ts, isolate: false), so what one file set must not reach the next: the
// environment goes back to what the worker started with, and is read again on next use.
import { reloadEnv } from "@/lib/config/env";
import { workerEnvironment } from "./worker-environment";

for (const name of Object.keys(process.env)) if (!(name in workerEnvironment)) delete process.env[name];
Object.assign(process.env, workerEnvironment);
reloadEnv();
