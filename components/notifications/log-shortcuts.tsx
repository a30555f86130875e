"use client";

import { useTranslations } from "next-intl";
import { moveFocus } from "@/components/shortcuts/move-focus";
import { ShortcutHelp } from "@/components/shortcuts/shortcut-help";
import { useShortcut } from "@/components/shortcuts/use-shortcut";

const ROW_LINK = '[data-testid="delivery-row"] [data-row-link]';

// The Notifications log from the keyboard: / to the search field, Esc back to the rows, j / k
// through them, Enter opens the focused delivery (a link), ? lists the keys.
export function LogShortcuts({ searchFieldId }: { searchFieldId: string }) {
  const t = useTranslations("shortcuts.log");
  useShortcut("j", () => moveFocus(ROW_LINK, 1), []);
  useShortcut("k", () => moveFocus(ROW_LINK, -1), []);
  useShortcut("/", () => document.getElementById(searchFieldId)?.focus(), [searchFieldId]);
  // Esc from a filter field: back to the rows, as in the inbox.
  useShortcut("escape", () => document.querySelector<HTMLElement>(ROW_LINK)?.focus(), [], { inFields: ["input"] });
  return (
    <ShortcutHelp
      shortcuts={[
        { keys: ["/"], label: t("search") },
        { keys: ["Esc"], label: t("backToRows") },
        { keys: ["j", "k"], label: t("nextPrevious") },
        { keys: ["Enter"], label: t("open") },
        { keys: ["?"], label: t("help") },
      ]}
    />
  );
}
