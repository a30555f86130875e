"use client";

import { createContext, useCallback, useContext, useRef, useState } from "react";

// One polite live region for the whole staff app: what arrives while a receptionist works
// ("New message from Paul Martin") is read out by a screen reader without moving focus.
const Announce = createContext<(text: string) => void>(() => {});

export function Announcer({ children }: { children: React.ReactNode }) {
  const [text, setText] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const announce = useCallback((next: string) => {
    // Emptied first, so the same words said twice are announced twice.
    setText("");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setText(next), 100);
  }, []);
  return (
    <Announce.Provider value={announce}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
        {text}
      </div>
    </Announce.Provider>
  );
}

export function useAnnounce(): (text: string) => void {
  return useContext(Announce);
}
