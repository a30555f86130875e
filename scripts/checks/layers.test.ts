import { describe, expect, it } from "vitest";
import { importsOf, sourceFiles, unitOf } from "./import-graph";
import { backImports, hasLayer, isTest } from "./layers";

describe("one-way layers", () => {
  const files = sourceFiles();

  it("every folder imports only folders below it", () => {
    const report = backImports(files.map((file) => ({ file }))).map((b) => `${b.file}:${b.line} imports "${b.spec}": ${b.why}`);
    expect(report).toEqual([]);
  });

  it("every source folder has a layer", () => {
    const units = new Set(files.filter((f) => !isTest(f)).map(unitOf));
    expect([...units].filter((u) => !hasLayer(u))).toEqual([]);
  });

  it("production code (pages, components, instrumentation, the proxy) imports test tooling only as types", () => {
    const product = files.filter((f) => !isTest(f) && /^(app\/|components\/|instrumentation\.ts|proxy\.ts)/.test(f));
    const tooling = product.flatMap((f) => importsOf(f)).filter((i) => /^(lib\/testing|db\/seed)\//.test(i.target) && !i.typeOnly);
    expect(tooling.map((i) => `${i.file}:${i.line} ${i.spec}`)).toEqual([]);
  });

  it("inside lib/notifications, refuses a planted value import up or across its sub-folders, and lets a type through", () => {
    const planted = backImports([
      {
        file: "lib/notifications/decisions/decide-patient-channels.ts",
        text: 'import { processEvents } from "../events/process-event";\n',
      },
      {
        file: "lib/notifications/delivery/send-delivery.ts",
        text: 'import { patientAttemptsOf } from "@/lib/notifications/log/patient-attempts";\n',
      },
      { file: "lib/notifications/events/ingest-event.ts", text: 'import type { EventQueue } from "../queue/event-queue";\n' },
      { file: "lib/notifications/queue/receive-event-job.ts", text: 'import { processEvent } from "../events/process-event";\n' },
    ]);
    expect(planted.map((p) => p.why)).toEqual([
      "lib/notifications/decisions (layer 1) imports lib/notifications/events (layer 5) by value, above it",
      "lib/notifications/delivery and lib/notifications/log share layer 4 and must not import each other by value",
    ]);
  });

  it("refuses a deliberate back-import: the pipeline importing the Communication Hub, the database importing tooling", () => {
    const planted = backImports([
      { file: "lib/notifications/events/plan-hub-message.ts", text: 'import { composerChannels } from "@/lib/conversations/rules";\n' },
      { file: "db/client.ts", text: 'import { pipelineFixture } from "../lib/testing/pipeline-fixture";\n' },
      { file: "lib/appointments/apply-appointment-change.ts", text: 'import type { Attachment } from "@/lib/attachments/rules";\n' },
      {
        file: "lib/conversations/rules.ts",
        text: 'import { channelAvailability } from "@/lib/notifications/decisions/channel-availability";\n',
      },
    ]);
    expect(planted.map((p) => p.why)).toEqual([
      "lib/notifications (layer 6) imports lib/conversations (layer 10), above it",
      "db (layer 2) imports lib/testing (layer 14), above it",
      "lib/appointments and lib/attachments share layer 8 and must not import each other",
    ]);
  });
});
