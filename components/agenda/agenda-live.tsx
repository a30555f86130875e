"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const SETTLE_MS = 400;

// Keeps the agenda on screen as the clinic changes it: a booking, a move, the desk's arrived /
// with the doctor / seen. The page is server-rendered, so a change to a shown agenda refreshes
// it; never while a dialog is open (a booking or a move in progress keeps its slot on screen),
// and once for a burst of changes.
export function AgendaLive({ agendaIds }: { agendaIds: string[] }) {
  const router = useRouter();
  const shown = useRef(new Set(agendaIds));
  useEffect(() => {
    shown.current = new Set(agendaIds);
  }, [agendaIds]);

  useEffect(() => {
    let pending = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refreshWhenFree = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (document.querySelector('[role="dialog"]')) return refreshWhenFree();
        pending = false;
        router.refresh();
      }, SETTLE_MS);
    };
    const source = new EventSource("/api/agendas/events");
    source.addEventListener("change", (event) => {
      const { agendaId } = JSON.parse((event as MessageEvent<string>).data) as { agendaId: string };
      if (!shown.current.has(agendaId) || pending) return;
      pending = true;
      refreshWhenFree();
    });
    // After a reconnect, catch up with whatever changed while the feed was down.
    let connectedBefore = false;
    source.addEventListener("ready", () => {
      if (connectedBefore) refreshWhenFree();
      connectedBefore = true;
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return null;
}
