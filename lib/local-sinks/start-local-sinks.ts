import { env } from "@/lib/config/env";
import { startSinkServer, type SinkServer } from "./sink-server";

const holder = globalThis as typeof globalThis & { __clinicNotifySinks?: Promise<SinkServer | null> };

// The local provider sinks the embedded default points every channel at, started once per
// process (dev hot reloads keep the first one).
export async function startLocalSinks(): Promise<void> {
  holder.__clinicNotifySinks ??= startSinkServer(env().LOCAL_SINK_PORT).catch((error) => {
    // Most often a second checkout's npm run dev beside the first: say how to run it elsewhere.
    console.warn(
      `Local sinks not started on port ${env().LOCAL_SINK_PORT}: ${error.message}. ` +
        `Another checkout running? Start this one with LOCAL_SINK_PORT=4011 NEXTAUTH_URL=http://localhost:3001 and next dev -p 3001 (README, Configuration).`,
    );
    return null;
  });
  const sinks = await holder.__clinicNotifySinks;
  if (sinks) console.log(`Local provider sinks on ${sinks.url} (see /dev/sinks).`);
}
