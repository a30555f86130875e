"use client";

import { CalendarDays, CalendarRange, FlaskConical, Inbox, Menu, Send, Settings, Stethoscope, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { Dialog as RadixDialog } from "radix-ui";
import { useState } from "react";
import type { Permission } from "@/lib/auth/permissions";
import { cn } from "@/components/ui/cn";
import { AlertBell } from "@/components/alerts/alert-bell";
import { UserMenu } from "./user-menu";

// Settings is for everyone: each staff member has "My preferences" there; the clinic's
// own settings inside it need manage_settings.
const NAV = [
  { href: "/agenda", key: "agenda", icon: CalendarRange, permission: "view_patients" },
  { href: "/appointments", key: "appointments", icon: CalendarDays, permission: "view_patients" },
  { href: "/patients", key: "patients", icon: Users, permission: "view_patients" },
  { href: "/inbox", key: "inbox", icon: Inbox, permission: "send_messages" },
  { href: "/notifications", key: "notifications", icon: Send, permission: "view_deliveries" },
  { href: "/settings", key: "settings", icon: Settings, permission: null },
] as const satisfies readonly { href: string; key: string; icon: unknown; permission: Permission | null }[];

type Props = {
  clinicName: string;
  staff: { name: string; role: string };
  permissions: Permission[];
  showSinks: boolean;
};

function NavLinks({ permissions, showSinks, onNavigate }: Pick<Props, "permissions" | "showSinks"> & { onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // Hiding links is for clarity only; every page and API checks the permission on the server.
  const items: { href: string; key: string; icon: typeof Send }[] = NAV.filter(
    (item) => item.permission === null || permissions.includes(item.permission),
  );
  if (showSinks) items.push({ href: "/dev/sinks", key: "sinks", icon: FlaskConical });
  return (
    <nav aria-label={t("label")} className="flex-1 space-y-1 px-3">
      {items.map(({ href, key, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
              active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {t(key)}
          </Link>
        );
      })}
    </nav>
  );
}

function Brand({ clinicName, bell = false }: { clinicName: string; bell?: boolean }) {
  return (
    <>
      <div className="flex items-center gap-2 py-4 pr-3 pl-5 text-brand-700">
        <Stethoscope className="size-5" aria-hidden />
        <span className="font-semibold">Clinic Notify</span>
        {bell ? <AlertBell className="ml-auto" /> : null}
      </div>
      <p className="px-5 pb-4 text-xs font-medium tracking-wide text-slate-500 uppercase" data-testid="clinic-name">
        {clinicName}
      </p>
    </>
  );
}

// A sidebar from tablet width up; below it (phones, or a desktop at 200 % zoom and more) a top
// bar whose menu opens the same links in a drawer, so nothing scrolls sideways at 320 px.
export function Sidebar(props: Props) {
  const t = useTranslations("nav");
  const [open, setOpen] = useState(false);
  return (
    <>
      <header className="sticky top-0 z-30 flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 md:hidden print:hidden">
        <RadixDialog.Root open={open} onOpenChange={setOpen}>
          <RadixDialog.Trigger className="rounded-md p-2 text-slate-700 hover:bg-slate-100" aria-label={t("menu")} data-testid="nav-menu">
            <Menu className="size-5" aria-hidden />
          </RadixDialog.Trigger>
          <RadixDialog.Portal>
            <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
            <RadixDialog.Content className="fixed inset-y-0 left-0 z-50 flex w-[min(85vw,16rem)] flex-col bg-white shadow-xl">
              <RadixDialog.Title className="sr-only">{t("label")}</RadixDialog.Title>
              <RadixDialog.Description className="sr-only">{props.clinicName}</RadixDialog.Description>
              <Brand clinicName={props.clinicName} />
              <NavLinks permissions={props.permissions} showSinks={props.showSinks} onNavigate={() => setOpen(false)} />
              <UserMenu name={props.staff.name} role={props.staff.role} />
            </RadixDialog.Content>
          </RadixDialog.Portal>
        </RadixDialog.Root>
        <Stethoscope className="size-5 text-brand-700" aria-hidden />
        <span className="truncate text-sm font-semibold text-slate-900">{props.clinicName}</span>
        <AlertBell className="ml-auto" />
      </header>
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-slate-200 bg-white md:flex print:hidden">
        <Brand clinicName={props.clinicName} bell />
        <NavLinks permissions={props.permissions} showSinks={props.showSinks} />
        <UserMenu name={props.staff.name} role={props.staff.role} />
      </aside>
    </>
  );
}
