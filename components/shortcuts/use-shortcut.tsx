"use client";

import { createContext, useContext } from "react";
import { useHotkeys } from "react-hotkeys-hook";

// Whether the signed-in staff member keeps single-key shortcuts on ("My preferences").
const ShortcutsEnabled = createContext(true);

export function ShortcutsPreference({ enabled, children }: { enabled: boolean; children: React.ReactNode }) {
  return <ShortcutsEnabled.Provider value={enabled}>{children}</ShortcutsEnabled.Provider>;
}

export function useShortcutsEnabled(): boolean {
  return useContext(ShortcutsEnabled);
}

// An open dialog owns the keyboard: its own keys (Esc, Tab) win over the page's shortcuts.
function dialogOpen(): boolean {
  return Boolean(document.querySelector('[role="dialog"], [role="alertdialog"]'));
}

// A page's single-key shortcut. Matched on the character typed (so "?" and "/" work on
// AZERTY as on QWERTY), never while the staff member types in a field (the library skips
// inputs, text areas, selects and contenteditable unless `inFields` names one), never
// while a dialog is open, and not at all when shortcuts are turned off.
export function useShortcut(
  key: string,
  run: (event: KeyboardEvent) => void,
  deps: readonly unknown[],
  { inFields, anyModifier }: { inFields?: readonly ("textarea" | "input")[]; anyModifier?: boolean } = {},
) {
  const enabled = useShortcutsEnabled();
  useHotkeys(
    key,
    (event) => run(event),
    {
      enabled: () => enabled && !dialogOpen(),
      enableOnFormTags: inFields ?? false,
      preventDefault: true,
      useKey: true,
      // "?" is typed with Shift on most layouts.
      ignoreModifiers: anyModifier ?? false,
    },
    [enabled, ...deps],
  );
}
