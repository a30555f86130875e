"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, useContext, useEffect, useState } from "react";
import { useAnnounce } from "@/components/shell/announcer";
import { apiFetch } from "@/lib/api/client";

export type Alert = {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};
export type AlertPage = { alerts: Alert[]; unread: number; nextCursor: string | null };

const Live = createContext(false);

// One live connection per tab for the staff member's alerts (the inbox's feed, filtered to
// them on the server): a new alert refreshes every list of alerts and is announced. While the
// connection is down the lists poll instead.
export function AlertsLive({ children }: { children: React.ReactNode }) {
  const client = useQueryClient();
  const announce = useAnnounce();
  const t = useTranslations("alerts");
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/me/alerts/events");
    source.addEventListener("ready", () => {
      setLive(true);
      client.invalidateQueries({ queryKey: ["alerts"] });
    });
    source.addEventListener("alert", () => {
      client.invalidateQueries({ queryKey: ["alerts"] });
      announce(t("arrived"));
    });
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [client, announce, t]);
  return <Live.Provider value={live}>{children}</Live.Provider>;
}

const POLL_MS = 15_000;

export function useAlerts(query: { limit: number; unread?: boolean }) {
  const live = useContext(Live);
  return useQuery({
    queryKey: ["alerts", query],
    queryFn: () => apiFetch<AlertPage>(`/api/me/alerts?limit=${query.limit}${query.unread ? "&unread=true" : ""}`),
    refetchInterval: live ? false : POLL_MS,
  });
}

export function useMarkAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, read }: { id: string; read: boolean }) =>
      apiFetch(`/api/me/alerts/${id}`, { method: "PATCH", body: JSON.stringify({ read }) }),
    onSettled: () => client.invalidateQueries({ queryKey: ["alerts"] }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<{ marked: number }>("/api/me/alerts/read-all", { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: ["alerts"] }),
  });
}
