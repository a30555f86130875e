// Clinic Notify's service worker: shows the staff's browser push (a title and "open the app",
// never patient details) and, on a click, brings an open tab of the app to the alert's page or
// opens one.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("push", (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : "" };
  }
  const link = typeof data.link === "string" && data.link.startsWith("/") ? data.link : "/alerts";
  event.waitUntil(
    self.registration.showNotification(data.title || "Clinic Notify", {
      body: data.body || "",
      // One notification per alert: a repeated push replaces it rather than stacking.
      tag: data.deliveryId || link,
      icon: "/icon-192.png",
      badge: "/badge-72.png",
      data: { link },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.link || "/alerts", self.location.origin).href;
  const opened = (async () => {
    const tabs = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const tab = tabs.find((t) => new URL(t.url).origin === self.location.origin);
    if (!tab) return self.clients.openWindow(url);
    const navigated = await tab.navigate(url).catch(() => null);
    await (navigated ?? tab).focus().catch(() => undefined);
  })();
  try {
    event.waitUntil(opened);
  } catch {
    // A click dispatched by a script (not the browser) cannot extend the worker's life; the tab
    // is still brought to the page.
  }
});
