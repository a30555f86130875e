import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

// A large inbox for the Communication Hub benchmark: one conversation per patient of the
// scale clinic (up to `conversations`), `messages` messages spread over them, generated in
// SQL (a million rows through the app would take hours, and measure the seed, not the hub).
// Each conversation uses one or two channels, so the type filter is selective; the words
// come from the demo's phrases, plus a rare per-message reference for selective searches.
export async function seedScaleConversations(
  db: Database,
  clinicId: string,
  sizes: { conversations: number; messages: number },
  now: Date,
  progress: (done: number, total: number) => void = () => {},
) {
  await db.execute(sql`
    insert into conversations (clinic_id, patient_id, status, starred, unread_count, channels, directions, last_message_at, last_message_preview)
    select ${clinicId}::uuid, p.id,
      (array['unread','read','replied','replied','archived'])[1 + p.n % 5]::conversation_status,
      p.n % 23 = 0,
      case when p.n % 5 = 0 then 1 + p.n % 3 else 0 end,
      array[(array['whatsapp','sms','email','portal'])[1 + p.n % 4], (array['whatsapp','sms','email','portal','call'])[1 + (p.n / 4) % 5]]::message_channel[],
      array['inbound','outbound']::message_direction[],
      ${now.toISOString()}::timestamptz - p.n * interval '41 seconds',
      'Bonjour, puis-je déplacer mon rendez-vous ?'
    from (select id, row_number() over (order by id) as n from patients where clinic_id = ${clinicId}::uuid limit ${sizes.conversations}) p
    on conflict do nothing`);

  const perConversation = Math.max(1, Math.round(sizes.messages / sizes.conversations));
  const total = perConversation * sizes.conversations;
  // Batches of conversations, so progress shows and no single statement holds a million rows.
  const batch = Math.max(1, Math.floor(100_000 / perConversation));
  for (let from = 0; from < sizes.conversations; from += batch) {
    await db.execute(sql`
      insert into messages (clinic_id, conversation_id, direction, channel, body, created_at)
      select c.clinic_id, c.id,
        (case when g % 2 = 0 then 'inbound' else 'outbound' end)::message_direction,
        c.channels[1 + (case when g % 5 = 4 then 1 else 0 end)],
        (array[
          'Bonjour, puis-je déplacer mon rendez-vous de jeudi ?',
          'Merci pour le rappel, je serai là.',
          'Est-ce que l''ordonnance est prête ?',
          'Je serai en retard de 10 minutes.',
          'Pouvez-vous m''envoyer la facture ?',
          'Bonjour, c''est noté. Nous vous proposons mardi 10h.',
          'Oui, elle est disponible à l''accueil.',
          'Pas de souci, merci de nous prévenir.'
        ])[1 + (c.n + g) % 8] || ' dossier' || (c.n * ${perConversation} + g),
        c.last_message_at - g * interval '5 hours'
      from (
        select id, clinic_id, channels, last_message_at, row_number() over (order by last_message_at desc, id desc) as n
        from conversations where clinic_id = ${clinicId}::uuid
        order by last_message_at desc, id desc offset ${from} limit ${batch}
      ) c, generate_series(0, ${perConversation - 1}) g`);
    progress(Math.min(total, (from + batch) * perConversation), total);
  }
  await db.execute(sql`analyze conversations`);
  await db.execute(sql`analyze messages`);
  return { conversations: sizes.conversations, messages: total };
}
