import { env, localSinksEnabled } from "@/lib/config/env";
import { startSinkServer, type SinkServer } from "@/lib/dev-sinks/sink-server";
import { notificationRuntime } from "./runtime";

const holder = globalThis as typeof globalThis & { __clinicNotifySinks?: Promise<SinkServer | null> };

// On server start: the local provider sinks (embedded default), and the embedded queue's
// worker, which picks up events left pending by a previous run.
export async function startLocalServices(): Promise<void> {
  if (localSinksEnabled()) {
    holder.__clinicNotifySinks ??= startSinkServer(env().LOCAL_SINK_PORT).catch((error) => {
      console.warn(`Local sinks not started on port ${env().LOCAL_SINK_PORT}: ${error.message}`);
      return null;
    });
    const sinks = await holder.__clinicNotifySinks;
    if (sinks) console.log(`Local provider sinks on ${sinks.url} (see /dev/sinks).`);
  }
  notificationRuntime().startWorker();
}
