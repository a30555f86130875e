"use client";

import { moveFocus } from "@/components/shortcuts/move-focus";
import { useShortcut } from "@/components/shortcuts/use-shortcut";

export const CONVERSATION_SELECTOR = '[data-testid="conversation"]';

type Actions = {
  reply: () => void;
  star: () => void;
  archive: () => void;
  markUnread: () => void;
  search: () => void;
  backToList: () => void;
};

// The inbox from the keyboard, as in Front or Superhuman: j / k walk the list (Enter opens,
// as on any button), r replies, s stars, e archives, u marks unread, / searches, Esc goes
// back to the list (from the composer or the search field too). "?" is the ShortcutHelp dialog's.
export function useInboxShortcuts(actions: Actions, deps: readonly unknown[]) {
  useShortcut("j", () => moveFocus(CONVERSATION_SELECTOR, 1), []);
  useShortcut("k", () => moveFocus(CONVERSATION_SELECTOR, -1), []);
  useShortcut("r", actions.reply, deps);
  useShortcut("s", actions.star, deps);
  useShortcut("e", actions.archive, deps);
  useShortcut("u", actions.markUnread, deps);
  useShortcut("/", actions.search, deps);
  useShortcut("escape", actions.backToList, deps, { inFields: ["textarea", "input"] });
}

export const INBOX_SHORTCUTS = [
  { keys: ["j", "k"], label: "nextPrevious" },
  { keys: ["Enter"], label: "open" },
  { keys: ["r"], label: "reply" },
  { keys: ["s"], label: "star" },
  { keys: ["e"], label: "archive" },
  { keys: ["u"], label: "markUnread" },
  { keys: ["/"], label: "search" },
  { keys: ["Esc"], label: "backToList" },
  { keys: ["?"], label: "help" },
] as const;
