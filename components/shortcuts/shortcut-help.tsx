"use client";

import { Keyboard } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useShortcut, useShortcutsEnabled } from "./use-shortcut";

export type ShortcutEntry = { keys: string[]; label: string };

// "?" or the button: the page's shortcuts in a dialog (focus moves in, and back on close).
export function ShortcutHelp({ shortcuts }: { shortcuts: ShortcutEntry[] }) {
  const t = useTranslations("shortcuts");
  const enabled = useShortcutsEnabled();
  const [open, setOpen] = useState(false);
  useShortcut("?", () => setOpen(true), [], { anyModifier: true });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="shortcut-help">
          <Keyboard className="size-4" aria-hidden /> {t("open")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("title")} description={enabled ? t("description") : t("turnedOff")} closeLabel={t("close")}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="shortcut-list">
          {shortcuts.map(({ keys, label }) => (
            <div key={label} className="contents">
              <dt className="flex gap-1">
                {keys.map((key) => (
                  <kbd key={key} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-800">
                    {key}
                  </kbd>
                ))}
              </dt>
              <dd className="text-slate-700">{label}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
