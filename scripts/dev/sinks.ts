// npm run sinks [-- --port N] — the local provider sinks as a process of their own (the app
// starts them in-process by default; benchmarks use this to keep them off the app's core).
import { parseArgs } from "node:util";
import { startSinkServer } from "@/lib/local-sinks/sink-server";

const { values } = parseArgs({ options: { port: { type: "string", default: "4010" } } });
const sink = await startSinkServer(Number(values.port));
console.log(`SINK_URL=${sink.url}`);
const stop = () => sink.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
