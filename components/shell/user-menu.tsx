"use client";

import { ChevronsUpDown, Languages, LogOut, SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { DropdownMenu } from "radix-ui";
import { LOCALES } from "@/lib/i18n/locales";
import { setLocale } from "@/lib/i18n/set-locale";

const itemClass = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-slate-100";

export function UserMenu({ name, role }: { name: string; role: string }) {
  const t = useTranslations("userMenu");
  const tRole = useTranslations("roles");
  const locale = useLocale();
  const router = useRouter();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="m-3 flex items-center gap-3 rounded-md p-2 text-left hover:bg-slate-100" aria-label={t("open")}>
        <span
          className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-sm font-semibold text-brand-700"
          aria-hidden
        >
          {name.replace(/^Dr\.? /, "").slice(0, 1)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium" data-testid="current-user">
            {name}
          </span>
          <span className="block text-xs text-slate-500">{tRole(role)}</span>
        </span>
        <ChevronsUpDown className="size-4 text-slate-400" aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content side="top" align="start" className="w-52 rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200">
          <DropdownMenu.Label className="flex items-center gap-2 px-2 py-1 text-xs text-slate-500">
            <Languages className="size-3.5" aria-hidden /> {t("language")}
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={locale}
            onValueChange={async (value) => {
              await setLocale(value);
              router.refresh();
            }}
          >
            {LOCALES.map((l) => (
              <DropdownMenu.RadioItem key={l} value={l} className={itemClass}>
                <span className="w-3">{l === locale ? "✓" : ""}</span>
                {t(`languages.${l}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/settings/preferences">
              <SlidersHorizontal className="size-4" aria-hidden /> {t("preferences")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClass} onSelect={() => signOut({ callbackUrl: "/sign-in" })}>
            <LogOut className="size-4" aria-hidden /> {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
