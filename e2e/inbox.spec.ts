import { expect, test, type APIRequestContext } from "@playwright/test";
import { hubSignature, twilioSignature } from "@/lib/webhooks/signatures";
import { PARIS_DOCTOR, PARIS_LAB, PARIS_RECEPTION, signIn, signedInPage } from "./helpers";
import { expectAccessible } from "./a11y";
import { webhookSecretsFor } from "./keys";

type Delivery = { clinicId: string; channel: string; providerMessageId: string };

// The provider's "delivered" status callback, signed as the provider signs it.
function postDeliveredReceipt(request: APIRequestContext, baseURL: string, delivery: Delivery) {
  if (delivery.channel === "whatsapp") {
    const raw = JSON.stringify({
      entry: [
        {
          changes: [
            {
              value: {
                statuses: [{ id: delivery.providerMessageId, status: "delivered", timestamp: String(Math.floor(Date.now() / 1000)) }],
              },
            },
          ],
        },
      ],
    });
    return request.post(`${baseURL}/api/webhooks/whatsapp/${delivery.clinicId}`, {
      data: raw,
      headers: {
        "content-type": "application/json",
        "x-hub-signature-256": hubSignature(webhookSecretsFor(baseURL, delivery.clinicId).whatsapp, raw),
      },
    });
  }
  const url = `${baseURL}/api/webhooks/sms/${delivery.clinicId}`;
  const form = new URLSearchParams({ MessageSid: delivery.providerMessageId, MessageStatus: "delivered" });
  return request.post(url, {
    data: form.toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilioSignature(webhookSecretsFor(baseURL, delivery.clinicId).smsAuthToken, url, form),
    },
  });
}

type PatientRow = { id: string; firstName: string; lastName: string; phone: string | null; email: string | null };

// Demo patients with a phone and an email, and whether each already has a conversation.
async function patientsWithContact(request: APIRequestContext) {
  const { patients } = (await (await request.get("/api/patients?limit=100")).json()) as { patients: PatientRow[] };
  const out: (PatientRow & { conversationId: string | null })[] = [];
  for (const p of patients.filter((x) => x.phone && x.email)) {
    const { conversations } = await (await request.get(`/api/conversations?patient=${p.id}&status=`)).json();
    const any =
      conversations[0] ?? (await (await request.get(`/api/conversations?patient=${p.id}&status=archived`)).json()).conversations[0];
    out.push({ ...p, conversationId: any?.id ?? null });
  }
  return out;
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

test("a receptionist filters unread WhatsApp conversations, replies, and sees the delivered tick after the provider's status webhook", async ({
  page,
  request,
  baseURL,
}) => {
  await signIn(page, PARIS_RECEPTION);
  await page.goto("/inbox?type=whatsapp&status=unread");
  const first = page.getByTestId("conversation").first();
  await expect(first).toHaveAttribute("data-status", "unread");
  await first.click();
  await expect(page).toHaveURL(/[?&]c=/);
  const composer = page.getByRole("form", { name: "Reply" });
  await expect(composer.getByLabel("Send by")).toHaveValue(/whatsapp|sms|email|portal/);
  await composer.getByRole("textbox", { name: "Message", exact: true }).fill("Bonjour, c'est noté.");
  await composer.getByRole("button", { name: "Send" }).click();
  const reply = page.getByTestId("message").filter({ hasText: "Bonjour, c'est noté." });
  await expect(reply).toBeVisible();
  await expect(reply.getByTestId("tick")).toHaveAttribute("data-tick", "sent");

  // The provider reports the message delivered: the tick moves without a reload.
  const conversationId = new URL(page.url()).searchParams.get("c")!;
  const { conversation } = await (await page.request.get(`/api/conversations/${conversationId}`)).json();
  const { deliveries } = await (
    await page.request.get(`/api/deliveries?patient=${conversation.patientId}&event=hub.message&status=sent&limit=1`)
  ).json();
  const { delivery } = await (await page.request.get(`/api/deliveries/${deliveries[0].id}`)).json();
  expect((await postDeliveredReceipt(request, baseURL!, delivery)).status()).toBe(200);
  await expect(reply.getByTestId("tick")).toHaveAttribute("data-tick", "delivered");
  await expectAccessible(page, "inbox, a WhatsApp reply delivered");
});

test("an SMS from a patient appears in the open inbox without a reload", async ({ page, request, baseURL }) => {
  await signIn(page, PARIS_RECEPTION);
  const { patients } = await (await page.request.get("/api/patients?limit=50")).json();
  const patient = patients.find((p: { phone: string | null }) => p.phone);
  // The clinic's id from the patient's own record (a delivery may not exist yet on a fresh run).
  const clinicId = (await (await page.request.get(`/api/patients/${patient.id}`)).json()).patient.clinicId;
  await page.goto("/inbox");
  await expect(page.getByTestId("conversation").first()).toBeVisible();
  // Connected to the live feed: the inbox no longer polls, so what follows arrives by SSE.
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-live", "true");

  const url = `${baseURL}/api/webhooks/sms/${clinicId}`;
  const text = `Hello from e2e ${Date.now()}`;
  const form = new URLSearchParams({ MessageSid: `SMe2e${Date.now()}`, From: patient.phone, To: "+33700000000", Body: text });
  const signature = twilioSignature(webhookSecretsFor(baseURL!, clinicId).smsAuthToken, url, form);
  const response = await request.post(url, {
    data: form.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
  });
  expect(response.status()).toBe(200);
  const arrived = page.getByTestId("conversation").filter({ hasText: text });
  await expect(arrived).toBeVisible({ timeout: 5_000 });
  // Said to a screen reader, politely, without moving the focus: the sender the list shows
  // (a household's shared number belongs to whichever profile the conversation is under).
  const announcer = page.getByTestId("announcer");
  await expect(announcer).toHaveText(/^New message from .+/);
  const sender = (await announcer.innerText()).replace("New message from ", "");
  await expect(arrived).toContainText(sender);
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expectAccessible(page, "inbox, after a message arrived");
});

test("without send_messages there is no inbox, and the API refuses", async ({ browser }) => {
  const lab = await signedInPage(browser, PARIS_LAB);
  await lab.goto("/inbox");
  await expect(lab).toHaveURL(/\/forbidden\?need=send_messages/);
  await expectAccessible(lab, "forbidden inbox");
  expect((await lab.request.get("/api/conversations")).status()).toBe(403);
});

test("from the patient page, an email goes out with a PDF attached, while the SMS composer offers no attachment", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  const candidates = (await patientsWithContact(page.request)).filter((p) => !p.conversationId);
  let dialog = page.getByRole("dialog");
  for (const p of candidates) {
    await page.goto(`/patients/${p.id}`);
    await page.getByRole("button", { name: "New message" }).click();
    dialog = page.getByRole("dialog");
    if (await dialog.locator("option[value=sms]").isEnabled()) break;
    await page.keyboard.press("Escape");
  }
  await expectAccessible(page, "patient page, new message dialog");
  const sendBy = dialog.getByLabel("Send by");
  await sendBy.selectOption("sms");
  await expect(dialog.getByRole("button", { name: /^Attach/ })).toHaveCount(0);
  await sendBy.selectOption("email");

  // Content decides: text named .pdf is refused with the reason; a real PDF is accepted.
  await dialog
    .getByTestId("attach-input")
    .setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: Buffer.from("just some text") });
  const refused = dialog.getByTestId("pending-attachment").filter({ hasText: "notes.pdf" });
  await expect(refused).toHaveAttribute("data-state", "error");
  await expect(refused.getByRole("alert")).toContainText("not a recognised document");
  await refused.getByRole("button", { name: "Remove notes.pdf" }).click();
  await dialog.getByTestId("attach-input").setInputFiles({ name: "courrier.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(dialog.getByTestId("pending-attachment")).toHaveAttribute("data-state", "ready");

  const subject = `Votre courrier ${Date.now()}`;
  await dialog.getByLabel("Subject").fill(subject);
  await dialog.getByRole("textbox", { name: "Message", exact: true }).fill("Veuillez trouver le courrier ci-joint.");
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/\/inbox\?c=/);
  const sent = page.getByTestId("message").filter({ hasText: subject });
  await expect(sent.getByRole("link", { name: /courrier\.pdf/ })).toBeVisible();

  await page.goto("/dev/sinks");
  const email = page.getByTestId("sink-message").filter({ hasText: subject });
  await expect(email.getByTestId("sink-attachments")).toContainText("courrier.pdf");
});

test("a doctor cannot start a second conversation with a patient who has one, but continues it", async ({ browser }) => {
  const doctor = await signedInPage(browser, PARIS_DOCTOR);
  const withConversation = (await patientsWithContact(doctor.request)).find((p) => p.conversationId)!;
  await doctor.goto(`/patients/${withConversation.id}`);
  const panel = doctor.getByTestId("patient-messaging");
  await expect(panel.getByRole("link", { name: "Open the conversation" })).toBeVisible();
  await expect(panel.getByRole("button", { name: "New message" })).toHaveCount(0);
  await expectAccessible(doctor, "patient page as a doctor");
  const refused = await doctor.request.post("/api/conversations", {
    data: { patientId: withConversation.id, message: { channel: "portal", body: "Bonjour" } },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("doctor_conversation_exists");

  await panel.getByRole("link", { name: "Open the conversation" }).click();
  const composer = doctor.getByRole("form", { name: "Reply" });
  await composer.getByLabel("Send by").selectOption("portal");
  const text = `Résultats normaux, à bientôt ${Date.now()}`;
  await composer.getByRole("textbox", { name: "Message", exact: true }).fill(text);
  await composer.getByRole("button", { name: "Send" }).click();
  await expect(doctor.getByTestId("message").filter({ hasText: text })).toBeVisible();
});

test("a call is logged in the timeline; the conversation, once archived, is found again by search", async ({ page }) => {
  await signIn(page, PARIS_RECEPTION);
  await page.goto("/inbox?status=replied");
  await page.getByTestId("conversation").first().click();
  await expect(page).toHaveURL(/[?&]c=/);
  const conversationId = new URL(page.url()).searchParams.get("c")!;

  const word = `Kestrel${Date.now()}`;
  await page.getByRole("button", { name: "Log call" }).click();
  const dialog = page.getByRole("dialog");
  await expectAccessible(page, "inbox, log call dialog");
  await dialog.getByLabel("Duration (minutes)").fill("6");
  await dialog.getByLabel("Summary").fill(`Patient asked about the ${word} certificate.`);
  await dialog.getByRole("button", { name: "Save" }).click();
  const call = page.locator("[data-testid=message][data-channel=call]").filter({ hasText: word });
  await expect(call).toContainText("6 min");

  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await page.goto("/inbox");
  await expect(page.getByTestId("conversation").first()).toBeVisible();
  await expect(page.locator(`[data-testid=conversation][data-id="${conversationId}"]`)).toHaveCount(0);
  const search = page.getByRole("searchbox", { name: /^Search messages/ });
  await search.fill(word);
  await search.press("Enter");
  const found = page.locator(`[data-testid=conversation][data-id="${conversationId}"]`);
  await expect(found).toHaveAttribute("data-status", "archived");
  await expect(page.getByTestId("conversation")).toHaveCount(1);
  await expectAccessible(page, "inbox, search results");
});
