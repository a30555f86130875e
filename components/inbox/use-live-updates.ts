"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";

// Listens to the inbox's server-sent events and refetches what changed: the list, and the
// thread of the conversation that changed. Answers whether the feed is connected, so the
// inbox falls back to polling while it is not.
export function useLiveUpdates(): boolean {
  const client = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource("/api/conversations/events");
    source.addEventListener("ready", () => {
      setLive(true);
      // After a reconnect, catch up with whatever changed while the feed was down.
      client.invalidateQueries({ queryKey: ["conversations"] });
    });
    source.addEventListener("change", (event) => {
      const { conversationId } = JSON.parse((event as MessageEvent<string>).data) as { conversationId: string };
      client.invalidateQueries({ queryKey: ["conversations"] });
      client.invalidateQueries({ queryKey: ["thread", conversationId] });
    });
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [client]);
  return live;
}
