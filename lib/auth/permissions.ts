import type { StaffRole } from "@/db/schema";

// The one catalogue of what staff may do. Server code checks these, never roles directly,
// so an admin can grant a receptionist-only permission to a doctor without code changes.
export const PERMISSIONS = [
  "view_patients",
  "manage_patients",
  "manage_appointments",
  "send_messages",
  "view_deliveries",
  "manage_settings",
  "manage_staff",
  "view_audit_log",
  // The Local sinks page: what the local provider servers received (local-sink mode only).
  "view_local_sinks",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_DEFAULT_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  receptionist: ["view_patients", "manage_patients", "manage_appointments", "send_messages", "view_deliveries", "view_local_sinks"],
  doctor: ["view_patients", "manage_appointments", "send_messages"],
  lab: ["view_patients"],
  billing: ["view_patients"],
  finance: [],
  accounts: [],
  support: ["view_patients", "view_deliveries", "view_audit_log", "view_local_sinks"],
};

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

// Unknown strings stored in the database (say, a permission since removed) are dropped, not trusted.
export function toPermissions(values: readonly string[]): Permission[] {
  return values.filter(isPermission);
}
