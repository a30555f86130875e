// A background task of the app process: run now, then every `ms`, once per process however
// often it is asked (a dev server reloads modules). The timer never keeps the process alive.
const holder = globalThis as typeof globalThis & { __clinicNotifyTimers?: Map<string, NodeJS.Timeout> };

export function startEvery(name: string, ms: number, task: () => Promise<unknown>, onError: (error: unknown) => void): void {
  const timers = (holder.__clinicNotifyTimers ??= new Map());
  if (timers.has(name)) return;
  const run = () => task().catch(onError);
  void run();
  const timer = setInterval(run, ms);
  timer.unref();
  timers.set(name, timer);
}
