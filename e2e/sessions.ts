import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { request, type Cookie } from "@playwright/test";
import { e2eSessionsDir } from "./keys";

// One sign-in per account per run: the first test that needs an account signs in through
// next-auth's own credentials endpoint (the form's request, without drawing the form) and
// keeps the session cookies; every later test, in any worker, starts its browser context with
// them. The sign-in form itself is tested in sign-in.spec.ts.
const dirFor = (baseURL: string) => e2eSessionsDir(new URL(baseURL).port);
const fileFor = (baseURL: string, email: string) => path.join(dirFor(baseURL), `${email.replace(/[^a-z0-9.@-]/gi, "_")}.json`);
const inWorker = new Map<string, Cookie[]>();

async function signInOverHttp(baseURL: string, email: string, password: string): Promise<Cookie[]> {
  const api = await request.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await api.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, json: "true" } });
    if (!response.ok()) throw new Error(`sign-in of ${email} answered ${response.status()}`);
    const cookies = (await api.storageState()).cookies;
    if (!cookies.some((c) => c.name.includes("session-token"))) throw new Error(`sign-in of ${email} gave no session`);
    return cookies;
  } finally {
    await api.dispose();
  }
}

export async function sessionCookies(baseURL: string, email: string, password: string): Promise<Cookie[]> {
  const key = `${baseURL} ${email}`;
  const known = inWorker.get(key);
  if (known) return known;
  const file = fileFor(baseURL, email);
  let cookies: Cookie[];
  if (existsSync(file)) cookies = JSON.parse(readFileSync(file, "utf8")) as Cookie[];
  else {
    cookies = await signInOverHttp(baseURL, email, password);
    mkdirSync(dirFor(baseURL), { recursive: true });
    // Written whole, then renamed: a worker reading at the same moment never sees half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, JSON.stringify(cookies));
    renameSync(partial, file);
  }
  inWorker.set(key, cookies);
  return cookies;
}
