import { expect, test } from "@playwright/test";
// Every page and open dialog of these stories is checked with axe-core (@axe-core/playwright,
// WCAG 2.1 A/AA, no serious or critical violation) through expectAccessible.
import { expectAccessible } from "./a11y";
import { findAppointment, PARIS_RECEPTION, signIn, signedInPage } from "./helpers";

// The local provider sinks of the server under test (scripts/e2e/serve.ts: its port + 1000).
const sinksOf = (baseURL: string) => `http://127.0.0.1:${Number(new URL(baseURL).port) + 1000}`;
test("a receptionist turns browser push on; a cancellation by the admin reaches her browser's service worker, whose notification opens the appointment", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["notifications"], { origin: baseURL });
  // The service worker's registration id, learned before the domain is enabled.
  const cdp = await context.newCDPSession(page);
  let registrationId = "";
  cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
    const ours = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL.startsWith(baseURL!) && !r.isDeleted);
    if (ours) registrationId = ours.registrationId;
  });
  await cdp.send("ServiceWorker.enable");

  await signIn(page, PARIS_RECEPTION);
  await page.goto("/settings/notifications");
  await expect(page.getByRole("heading", { name: "Browser push" })).toBeVisible();
  await expectAccessible(page, "my notifications");
  await page.getByRole("button", { name: "Turn on for this browser" }).click();
  // The service worker registers; offline, the browser's own push service cannot be reached,
  // and the page says so rather than spinning.
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)), { timeout: 15_000 })
    .toBe(true);
  await expect(page.getByTestId("push-error").or(page.getByText("Browser push is on for this browser."))).toBeVisible({ timeout: 15_000 });
  expect(registrationId).not.toBe("");

  // The subscription, as a push service would give it (the local one), stored through the API.
  const subscription = await (await page.request.post(`${sinksOf(baseURL!)}/_sink/web-push-subscriptions`)).json();
  const stored = await page.request.post("/api/me/push-subscriptions", { data: { ...subscription, browser: "Chromium · Linux" } });
  expect(stored.ok()).toBe(true);
  await page.reload();
  await expect(page.getByTestId("push-browser").filter({ hasText: "Chromium · Linux" })).toBeVisible();
  await page.getByRole("button", { name: "Send me a test push" }).click();
  await expect(page.getByTestId("push-test-results")).toContainText("Chromium · Linux: accepted by its push service");
  await expectAccessible(page, "my notifications, a browser subscribed");

  // The admin cancels an appointment: reception's alert goes to her browser's push service.
  const admin = await signedInPage(browser, "admin@saint-martin.demo");
  const appointment = await findAppointment(admin.request, "confirmed", 3);
  expect(
    (await admin.request.patch(`/api/appointments/${appointment.id}`, { data: { action: "cancel", reason: "Doctor unavailable" } })).ok(),
  ).toBe(true);
  const endpointId = subscription.endpoint.split("/").pop();
  let payload: { title: string; body: string; link: string } | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = (await (await page.request.get(`${sinksOf(baseURL!)}/_sink/messages`)).json()) as {
          messages: { channel: string; to: string; raw: { payload: typeof payload } }[];
        };
        payload = messages.find(
          (m) => m.channel === "web_push" && m.to === endpointId && m.raw.payload?.link === `/appointments/${appointment.id}`,
        )?.raw.payload;
        return Boolean(payload);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  // Only a title and "open the app": no patient detail leaves in a push.
  expect(payload).toMatchObject({ title: "Annulation", body: "Ouvrez Clinic Notify pour le voir." });

  // Delivered to the service worker as the push service would: it shows the notification.
  await cdp.send("ServiceWorker.deliverPushMessage", { origin: new URL(baseURL!).origin, registrationId, data: JSON.stringify(payload) });
  await expect
    .poll(
      () =>
        page.evaluate(async () =>
          (await (await navigator.serviceWorker.getRegistration())!.getNotifications()).map((n) => ({ title: n.title, body: n.body })),
        ),
      { timeout: 10_000 },
    )
    .toContainEqual({ title: "Annulation", body: "Ouvrez Clinic Notify pour le voir." });

  // Clicking it brings this tab to the appointment.
  const [worker] = context.serviceWorkers();
  // Runs inside the service worker (its globals are not in the page's types).
  await worker.evaluate(async () => {
    const sw = self as unknown as {
      registration: ServiceWorkerRegistration;
      dispatchEvent: (e: Event) => boolean;
      NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
    };
    const [notification] = await sw.registration.getNotifications();
    sw.dispatchEvent(new sw.NotificationEvent("notificationclick", { notification }));
  });
  await expect(page).toHaveURL(new RegExp(`/appointments/${appointment.id}$`), { timeout: 10_000 });
  await admin.context().close();
});
