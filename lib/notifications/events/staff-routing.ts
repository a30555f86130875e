import type { StaffRole } from "@/db/schema";
import type { StaffEventType } from "@/lib/notifications/event-catalog";

// Who receives each staff alert until a clinic sets its own routing rules: by role, plus
// the doctor the event names (a lab result goes to the lab and to the requesting doctor).
export const STAFF_ROUTING: Record<StaffEventType, { roles: StaffRole[]; namedDoctor: boolean }> = {
  "staff.new_session": { roles: ["receptionist"], namedDoctor: true },
  "staff.session_request": { roles: ["receptionist"], namedDoctor: false },
  "staff.cancellation": { roles: ["receptionist"], namedDoctor: true },
  "staff.low_stock": { roles: ["admin"], namedDoctor: false },
  "staff.lab_result": { roles: ["lab"], namedDoctor: true },
  "staff.bill_generated": { roles: ["billing"], namedDoctor: false },
  "staff.refund_processed": { roles: ["finance"], namedDoctor: false },
  "staff.deposit_received": { roles: ["accounts"], namedDoctor: false },
  "staff.package_purchased": { roles: ["billing"], namedDoctor: false },
  "staff.package_redeemed": { roles: ["billing"], namedDoctor: false },
  "staff.package_expired": { roles: ["billing"], namedDoctor: false },
  "staff.package_exhausted": { roles: ["billing"], namedDoctor: false },
  "staff.test_requested": { roles: ["lab"], namedDoctor: false },
};

export function staffRecipients<S extends { id: string; role: StaffRole; active: boolean }>(
  type: StaffEventType,
  staff: S[],
  doctorId: string | undefined,
): S[] {
  const rule = STAFF_ROUTING[type];
  return staff.filter((s) => s.active && (rule.roles.includes(s.role) || (rule.namedDoctor && s.id === doctorId)));
}

