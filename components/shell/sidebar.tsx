"use client";

import { Bell, CalendarDays, FlaskConical, Inbox, Settings, Stethoscope, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Permission } from "@/lib/auth/permissions";
import { cn } from "@/components/ui/cn";
import { UserMenu } from "./user-menu";

const NAV = [
  { href: "/appointments", key: "appointments", icon: CalendarDays, permission: "view_patients" },
  { href: "/patients", key: "patients", icon: Users, permission: "view_patients" },
  { href: "/inbox", key: "inbox", icon: Inbox, permission: "send_messages" },
  { href: "/notifications", key: "notifications", icon: Bell, permission: "view_deliveries" },
  { href: "/settings", key: "settings", icon: Settings, permission: "manage_settings" },
] as const satisfies readonly { href: string; key: string; icon: unknown; permission: Permission }[];

export function Sidebar({
  clinicName,
  staff,
  permissions,
  showSinks,
}: {
  clinicName: string;
  staff: { name: string; role: string };
  permissions: Permission[];
  showSinks: boolean;
}) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // Hiding links is for clarity only; every page and API checks the permission on the server.
  const items: { href: string; key: string; icon: typeof Bell }[] = NAV.filter((item) => permissions.includes(item.permission));
  if (showSinks) items.push({ href: "/dev/sinks", key: "sinks", icon: FlaskConical });
  return (
    <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
      <div className="flex items-center gap-2 px-5 py-5 text-brand-700">
        <Stethoscope className="size-5" aria-hidden />
        <span className="font-semibold">Clinic Notify</span>
      </div>
      <p className="px-5 pb-4 text-xs font-medium tracking-wide text-slate-500 uppercase" data-testid="clinic-name">
        {clinicName}
      </p>
      <nav aria-label={t("label")} className="flex-1 space-y-1 px-3">
        {items.map(({ href, key, icon: Icon }) => {
          const active = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <Link
              key={href}
              href={href}
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
      <UserMenu name={staff.name} role={staff.role} />
    </aside>
  );
}
