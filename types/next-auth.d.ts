import type { StaffRole } from "@/db/schema";
import type { Permission } from "@/lib/auth/permissions";

type StaffClaims = { clinicId: string; role: StaffRole; permissions: Permission[] };

declare module "next-auth" {
  interface User extends StaffClaims {
    id: string;
  }
  interface Session {
    staff: StaffClaims & { id: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT extends StaffClaims {
    staffId: string;
  }
}
