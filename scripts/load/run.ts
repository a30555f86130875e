// npm run load [-- --rate 150 --duration 60 --staff 50] — on PostgreSQL (DATABASE_URL), against
// `next start` of the production build: events posted at a fixed rate while simulated staff
// browse the inbox and the delivery log (about one click a second each). Prints the rates, latencies and errors, then proves
// with counts that every event was decided, every delivery reached a final status, none twice.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { z } from "zod";
import { sharedTarget } from "@/lib/testing/shared-database";

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "150" },
    duration: { type: "string", default: "60" },
    staff: { type: "string", default: "50" },
    port: { type: "string", default: "3300" },
  },
});
const rate = z.coerce.number().int().min(1).parse(values.rate);
const duration = z.coerce.number().int().min(5).parse(values.duration);
const staff = z.coerce.number().int().min(1).parse(values.staff);
const port = values.port!;
const base = `http://localhost:${port}`;
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("npm run load needs DATABASE_URL (a PostgreSQL server): the embedded database serves one process only.");
  process.exit(2);
}

const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) =>
    spawn(cmd, args, { stdio: "inherit", env }).on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} failed`)),
    ),
  );

// A database for this run alone, dropped at the end.
const shared = await sharedTarget();
const databaseUrl = shared.env.DATABASE_URL;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: base,
  APP_URL: base,
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  DEMO_SEED: "1",
  LOCAL_SINKS: "on",
  LOCAL_SINK_PORT: String(Number(port) + 1000),
};
const db = postgres(databaseUrl, { max: 2, onnotice: () => {} });
let server: ReturnType<typeof spawn> | undefined;
try {
  if (!existsSync(".next/BUILD_ID")) await run("npx", ["next", "build"], env);
  await run("npx", ["tsx", "--import", "./scripts/node/server-side.mjs", "scripts/db/prepare.ts", "--start"], env);
  server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
  });
  for (let i = 0; ; i++) {
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) break;
    if (i > 600) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }

  // Sessions for the simulated staff (each demo receptionist and admin signs in once).
  const cookies: string[] = [];
  for (const email of ["reception@saint-martin.demo", "admin@saint-martin.demo", "reception@hudson.demo", "admin@hudson.demo"])
    cookies.push(await signIn(email));
  const get = async (cookie: string, p: string) => (await fetch(`${base}${p}`, { headers: { cookie } })).json();
  const { patients } = await get(cookies[0], "/api/patients?limit=100");
  const { conversations } = await get(cookies[0], "/api/conversations?limit=30");
  const patientIds: string[] = patients.map((p: { id: string }) => p.id);

  let n = 0;
  const eventBody = () =>
    JSON.stringify({ id: `load-${n++}`, type: "clinical.report_ready", data: { patientId: patientIds[n % patientIds.length] } });
  const browsing = [
    "/api/conversations",
    "/api/conversations?status=unread",
    "/api/deliveries?limit=50",
    "/api/deliveries?channel=email",
    "/api/patients?q=mar",
    ...conversations.slice(0, 10).map((c: { id: string }) => `/api/conversations/${c.id}`),
  ];
  console.log(`▶ ${duration} s: events at ${rate}/s while ${staff} staff browse the inbox and the log`);
  const started = Date.now();
  const [events, browse] = await Promise.all([
    autocannon({
      url: `${base}/api/events`,
      method: "POST",
      connections: 10,
      overallRate: rate,
      duration,
      headers: { authorization: "Bearer cnk_demo_saint_martin", "content-type": "application/json" },
      requests: [{ setupRequest: (req) => ({ ...req, body: eventBody() }) }],
    }),
    // Each simulated staff member clicks about once a second, as a busy receptionist would.
    autocannon({
      url: base,
      connections: staff,
      overallRate: staff,
      duration,
      requests: browsing.map((p, i) => ({ method: "GET" as const, path: p, headers: { cookie: cookies[i % 2] } })),
    }),
  ]);

  // Drain: every accepted event decided.
  const accepted = events["2xx"];
  let waited = 0;
  for (;;) {
    const [{ open }] = await db`select count(*)::int as open from events where status in ('pending', 'processing')`;
    if (open === 0 || waited > 600) break;
    await new Promise((r) => setTimeout(r, 1000));
    waited += 1;
  }
  const drainedAfter = (Date.now() - started) / 1000 - duration;
  const [counts] = await db`
    select
      (select count(*)::int from events where event_key like 'load-%') as events,
      (select count(*)::int from events where event_key like 'load-%' and status = 'processed') as processed,
      (select count(*)::int from deliveries d join events e on e.id = d.event_id where e.event_key like 'load-%') as deliveries,
      (select count(*)::int from deliveries d join events e on e.id = d.event_id where e.event_key like 'load-%' and d.status in ('pending', 'sending')) as unfinished,
      (select count(*)::int from (select 1 from deliveries group by event_id, recipient_id, channel, address having count(*) > 1) x) as duplicate_rows,
      (select count(*)::int from (select 1 from delivery_attempts where outcome = 'accepted' group by delivery_id having count(*) > 1) x) as sent_twice`;
  const statuses =
    await db`select d.status, count(*)::int as n from deliveries d join events e on e.id = d.event_id where e.event_key like 'load-%' group by d.status order by d.status`;

  const figures = {
    duration_s: duration,
    events_offered_per_s: rate,
    events_accepted: accepted,
    events_per_s: Math.round((accepted / duration) * 10) / 10,
    events_errors: events.errors + events.non2xx,
    events_p50_ms: events.latency.p50,
    events_p97_5_ms: events.latency.p97_5,
    events_p99_ms: events.latency.p99,
    browse_requests: browse.requests.total,
    browse_per_s: browse.requests.average,
    browse_errors: browse.errors + browse.non2xx,
    browse_p50_ms: browse.latency.p50,
    browse_p97_5_ms: browse.latency.p97_5,
    browse_p99_ms: browse.latency.p99,
    queue_drained_after_s: Math.round(drainedAfter),
    ...counts,
  };
  console.table(figures);
  console.table(Object.fromEntries(statuses.map((s) => [s.status, s.n])));
  // Requests cut off by the end of the run may still have been stored: at least the accepted
  // ones are there, and every stored one was decided.
  const ok =
    counts.events >= accepted &&
    counts.processed === counts.events &&
    counts.unfinished === 0 &&
    counts.duplicate_rows === 0 &&
    counts.sent_twice === 0;
  console.log(ok ? "Every accepted event was decided; every delivery is final; nothing was sent twice." : "FAILED: see the counts above.");
  process.exitCode = ok ? 0 : 1;
} finally {
  server?.kill("SIGTERM");
  await db.end();
  await new Promise((r) => setTimeout(r, 1000));
  await shared.cleanup();
}

// A session cookie as the browser gets it: CSRF token, then the credentials form.
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password: "demo-clinic-2026", csrfToken, json: "true" }),
    redirect: "manual",
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`could not sign in ${email} (${response.status})`);
  return session;
}
