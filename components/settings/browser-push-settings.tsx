"use client";

import { useMutation } from "@tanstack/react-query";
import { BellRing, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError, apiFetch } from "@/lib/api/client";

type Subscription = { id: string; endpoint: string; browser: string | null; createdAt: string | Date };
type TestResult = { results: { id: string; browser: string | null; ok: boolean; answer: string }[] };

const noSubscription = () => () => {};

// The push service can be out of reach (offline, blocked): never wait on it for long.
const SUBSCRIBE_TIMEOUT_MS = 10_000;

function browserName(): string {
  const ua = navigator.userAgent;
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /Firefox\//.test(ua)
      ? "Firefox"
      : /Chrome\//.test(ua)
        ? "Chrome"
        : /Safari\//.test(ua)
          ? "Safari"
          : "Browser";
  const os = /Windows/.test(ua)
    ? "Windows"
    : /Mac OS X/.test(ua)
      ? "macOS"
      : /Android/.test(ua)
        ? "Android"
        : /iPhone|iPad/.test(ua)
          ? "iOS"
          : /Linux/.test(ua)
            ? "Linux"
            : "";
  return os ? `${browser} · ${os}` : browser;
}

function urlBase64ToUint8Array(base64: string): Uint8Array<ArrayBuffer> {
  const padded = (base64 + "=".repeat((4 - (base64.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

// "My notifications": browser push for this browser (service worker, permission, the push
// service's subscription stored through the API), the browsers already subscribed, and a test.
export function BrowserPushSettings({ publicKey, subscriptions }: { publicKey: string | null; subscriptions: Subscription[] }) {
  const t = useTranslations("settings.notifications");
  const format = useFormatter();
  const router = useRouter();
  // Known in the browser only (null while rendered on the server).
  const supported = useSyncExternalStore(
    noSubscription,
    () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window,
    () => null,
  );
  const [here, setHere] = useState<string | null>(null);
  useEffect(() => {
    if (!supported) return;
    navigator.serviceWorker
      .getRegistration()
      .then((r) => r?.pushManager.getSubscription())
      .then(
        (s) => setHere(s?.endpoint ?? null),
        () => setHere(null),
      );
  }, [supported]);

  const turnOn = useMutation({
    mutationFn: async () => {
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      if ((await Notification.requestPermission()) !== "granted") throw new Error(t("denied"));
      const subscription = await Promise.race([
        registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToUint8Array(publicKey!) }),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(t("unreachable"))), SUBSCRIBE_TIMEOUT_MS)),
      ]).catch((error: unknown) => {
        throw error instanceof Error && error.message === t("unreachable") ? error : new Error(t("unreachable"));
      });
      await apiFetch("/api/me/push-subscriptions", {
        method: "POST",
        body: JSON.stringify({ ...subscription.toJSON(), browser: browserName() }),
      });
      setHere(subscription.endpoint);
    },
    onSuccess: () => router.refresh(),
  });
  const remove = useMutation({
    mutationFn: async (s: Subscription) => {
      await apiFetch(`/api/me/push-subscriptions/${s.id}`, { method: "DELETE" });
      if (s.endpoint === here) {
        const registration = await navigator.serviceWorker.getRegistration();
        await (await registration?.pushManager.getSubscription())?.unsubscribe();
        setHere(null);
      }
    },
    onSuccess: () => router.refresh(),
  });
  const test = useMutation({
    mutationFn: () => apiFetch<TestResult>("/api/me/push-subscriptions/test", { method: "POST" }),
    onSettled: () => router.refresh(),
  });
  const message = (error: unknown) => (error instanceof ApiError || error instanceof Error ? error.message : t("failed"));

  return (
    <div className="space-y-6">
      <section aria-labelledby="browser-push" className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="browser-push" className="font-semibold">
          {t("browserPush")}
        </h2>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {supported === false ? <Alert tone="info">{t("unsupported")}</Alert> : null}
        {!publicKey ? <Alert tone="info">{t("notConfigured")}</Alert> : null}
        {supported && publicKey ? (
          <div className="flex flex-wrap items-center gap-3">
            <Button
              onClick={() => turnOn.mutate()}
              disabled={turnOn.isPending || Boolean(here && subscriptions.some((s) => s.endpoint === here))}
              data-testid="turn-on-push"
            >
              <BellRing className="size-4" aria-hidden />{" "}
              {turnOn.isPending ? t("turningOn") : here && subscriptions.some((s) => s.endpoint === here) ? t("onHere") : t("turnOn")}
            </Button>
            <span role="status" className="text-sm text-slate-600">
              {turnOn.isSuccess ? t("turnedOn") : ""}
            </span>
          </div>
        ) : null}
        {turnOn.error ? <Alert data-testid="push-error">{message(turnOn.error)}</Alert> : null}
      </section>

      <section aria-labelledby="subscribed-browsers" className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <h2 id="subscribed-browsers" className="font-semibold">
          {t("browsers")}
        </h2>
        {subscriptions.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : null}
        <ul className="divide-y divide-slate-100" data-testid="push-browsers">
          {subscriptions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="push-browser">
              <span className="text-sm">
                <span className="font-medium">{s.browser ?? t("unknownBrowser")}</span>
                {s.endpoint === here ? (
                  <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-800">{t("thisBrowser")}</span>
                ) : null}
                <span className="block text-xs text-slate-600">
                  {t("since", { when: format.dateTime(new Date(s.createdAt), { dateStyle: "medium" }) })}
                </span>
              </span>
              <Button
                variant="ghost"
                size="sm"
                className="text-red-700"
                onClick={() => remove.mutate(s)}
                disabled={remove.isPending}
                aria-label={t("remove", { browser: s.browser ?? t("unknownBrowser") })}
              >
                <Trash2 className="size-4" aria-hidden /> {t("removeShort")}
              </Button>
            </li>
          ))}
        </ul>
        {remove.error ? <Alert>{message(remove.error)}</Alert> : null}
        {subscriptions.length ? (
          <div className="space-y-2">
            <Button variant="secondary" onClick={() => test.mutate()} disabled={test.isPending}>
              {t("sendTest")}
            </Button>
            <div role="status">
              {test.data ? (
                <ul className="space-y-1 text-sm" data-testid="push-test-results">
                  {test.data.results.map((r) => (
                    <li key={r.id} className={r.ok ? "text-emerald-800" : "text-red-700"}>
                      {r.browser ?? t("unknownBrowser")}: {r.ok ? t("testAccepted") : t("testRefused", { answer: r.answer })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
            {test.error ? <Alert>{message(test.error)}</Alert> : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
