// Runs once when the server starts (Next.js instrumentation hook): the one place the app
// starts its background parts. The local provider sinks (local-sink mode only) come first, so
// the embedded queue's worker, which picks up events left pending by a previous run, finds them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { localSinksEnabled } = await import("./lib/config/env");
  if (localSinksEnabled()) await (await import("./lib/local-sinks/start-local-sinks")).startLocalSinks();
  const { notificationRuntime } = await import("./lib/notifications/runtime");
  notificationRuntime().startWorker();
  const [{ getDb }, { startSchedulerTick }] = await Promise.all([import("./db/client"), import("./lib/jobs/scheduler-tick")]);
  // With QStash, its schedule calls the tick (npm run qstash:schedules); without, the app does.
  if (!process.env.QSTASH_TOKEN) startSchedulerTick(getDb(), notificationRuntime().queue);
}
