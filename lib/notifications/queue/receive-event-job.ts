import "server-only";
import { z } from "zod";
import { appUrl } from "@/lib/config/env";
import { parseInput, parseJson } from "@/lib/errors/parse-input";
import type { SendDeps } from "../delivery/send-delivery";
import { processEvent, type ProcessOutcome } from "../events/process-event";
import { EVENT_JOB_PATH } from "./event-queue";
import { verifyQstashRequest } from "./verify-qstash";

const jobSchema = z.object({ eventId: z.uuid() });

// QStash delivers one queued event: the signature is checked over the raw body before it is
// parsed, then the event is processed (idempotently: a redelivery finds it done).
export async function receiveEventJob(deps: SendDeps, signature: string | null, raw: string): Promise<ProcessOutcome> {
  await verifyQstashRequest(signature, raw, `${appUrl()}${EVENT_JOB_PATH}`);
  const { eventId } = parseInput(jobSchema, parseJson(raw), "job");
  return processEvent(deps, eventId);
}
