import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authenticateStaff } from "./authenticate-staff";
import { clientIpOf } from "./client-ip";
import { toPermissions } from "./permissions";
import { authSecret } from "./secret";

// The JWT carries who signed in and, for the client, their clinic, role and permissions.
// The server never trusts those copies: lib/auth/staff-context.ts re-reads the staff row.
export const authOptions: NextAuthOptions = {
  // A getter: read at request time, so `next build` needs no secret.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticateStaff(getDb(), credentials, new Date(), { ip: clientIpOf(req.headers ?? {}) });
        // next-auth passes the thrown message to the sign-in page as the error code.
        if (!result.ok) throw new Error(result.reason);
        const { staff } = result;
        return {
          id: staff.id,
          name: staff.name,
          email: staff.email,
          clinicId: staff.clinicId,
          role: staff.role,
          permissions: toPermissions(staff.permissions),
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.staffId = user.id;
        token.clinicId = user.clinicId;
        token.role = user.role;
        token.permissions = user.permissions;
      }
      return token;
    },
    session({ session, token }) {
      session.staff = {
        id: token.staffId,
        clinicId: token.clinicId,
        role: token.role,
        permissions: token.permissions,
      };
      return session;
    },
  },
};
