import { and, eq } from "drizzle-orm";
import { clinics, conversations, staffUsers } from "@/db/schema";
import { seedScale } from "@/db/seed/demo";
import { seedScaleConversations } from "@/db/seed/seed-scale-conversations";
import { composerFor } from "@/lib/conversations/composer-for";
import { getThread } from "@/lib/conversations/get-thread";
import { listConversations, unreadCounts } from "@/lib/conversations/list-conversations";
import { conversationListSchema, threadPageSchema } from "@/lib/conversations/schemas";
import { peakRssMiB, percentile, round, timeIt } from "./stats";
import type { Benchmark } from "./types";

const ROUNDS = 60;

// The Communication Hub at scale: the functions behind GET /api/conversations (list and
// unread badges, as the route calls them), GET /api/conversations/:id (a thread page and
// its composer) and the full-text search, over --conversations conversations holding
// --messages messages.
export const inboxBenchmark: Benchmark = {
  name: "inbox",
  description: "Communication Hub: list (with and without filters), thread page and full-text search, p50/p95",
  async run(ctx) {
    const { db } = ctx.handle;
    const { conversations: conversationCount, messages: messageCount } = ctx.options;
    ctx.state.scaleClinicId ??= (await seedScale(db, Math.max(ctx.options.patients, conversationCount), new Date())).clinicId;
    const clinicId = ctx.state.scaleClinicId;
    const seeded = await timeIt(() =>
      seedScaleConversations(db, clinicId, { conversations: conversationCount, messages: messageCount }, new Date(), (done, total) => {
        process.stdout.write(`\r  seeding messages ${done.toLocaleString("en")} / ${total.toLocaleString("en")}`);
      }),
    );
    process.stdout.write("\n");

    const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
    const [staff] = await db
      .select()
      .from(staffUsers)
      .where(and(eq(staffUsers.clinicId, clinicId), eq(staffUsers.role, "receptionist")))
      .limit(1);
    const staffCtx = { db, clinicId, clinic, staff: { id: staff.id, name: staff.name, email: staff.email, role: staff.role } };

    const list = (input: Record<string, string>) => async () => {
      const query = conversationListSchema.parse(input);
      return Promise.all([listConversations(staffCtx, query), unreadCounts(staffCtx)]);
    };
    const firstPage = await listConversations(staffCtx, conversationListSchema.parse({}));
    const [busiest] = await db
      .select({ id: conversations.id, patientId: conversations.patientId })
      .from(conversations)
      .where(eq(conversations.id, firstPage.conversations[5].id));
    const threadFirst = await getThread(staffCtx, busiest.id, threadPageSchema.parse({ limit: "10" }));
    const thread = (input: Record<string, string>) => async () => {
      const page = await getThread(staffCtx, busiest.id, threadPageSchema.parse(input));
      return { ...page, composer: await composerFor(staffCtx, page.conversation.patientId, new Date()) };
    };

    const cases: Record<string, { group: "list" | "thread" | "search"; run: () => Promise<unknown> }> = {
      list_first_page: { group: "list", run: list({}) },
      list_next_page: { group: "list", run: list({ cursor: firstPage.nextCursor ?? "" }) },
      list_unread: { group: "list", run: list({ status: "unread" }) },
      list_whatsapp_unread: { group: "list", run: list({ type: "whatsapp", status: "unread" }) },
      list_call_inbound: { group: "list", run: list({ type: "call", direction: "inbound" }) },
      list_starred: { group: "list", run: list({ starred: "true" }) },
      list_archived: { group: "list", run: list({ status: "archived" }) },
      list_patient: { group: "list", run: list({ patient: busiest.patientId! }) },
      thread_first_page: { group: "thread", run: thread({}) },
      thread_older_page: { group: "thread", run: thread({ cursor: threadFirst.nextCursor ?? "", limit: "10" }) },
      search_common_word: { group: "search", run: list({ q: "ordonnance" }) },
      search_two_words: { group: "search", run: list({ q: "rendez-vous jeudi" }) },
      search_rare_reference: { group: "search", run: list({ q: `dossier${Math.floor(messageCount / 2)}` }) },
      search_with_filter: { group: "search", run: list({ q: "facture", type: "email" }) },
      search_no_match: { group: "search", run: list({ q: "zzqxwv" }) },
    };

    const figures: Record<string, number> = {
      conversations: seeded.result.conversations,
      messages: seeded.result.messages,
      seed_messages_s: round(seeded.ms / 1000, 1),
    };
    const byGroup: Record<string, number[]> = { list: [], thread: [], search: [] };
    for (const [name, c] of Object.entries(cases)) {
      await c.run(); // warm-up
      const samples: number[] = [];
      for (let i = 0; i < ROUNDS; i++) samples.push((await timeIt(c.run)).ms);
      figures[`${name}_p50_ms`] = round(percentile(samples, 50), 2);
      figures[`${name}_p95_ms`] = round(percentile(samples, 95), 2);
      byGroup[c.group].push(...samples);
    }
    for (const [group, samples] of Object.entries(byGroup)) {
      figures[`${group}_all_p50_ms`] = round(percentile(samples, 50), 2);
      figures[`${group}_all_p95_ms`] = round(percentile(samples, 95), 2);
    }
    figures.peak_rss_mib = peakRssMiB();
    return figures;
  },
};
