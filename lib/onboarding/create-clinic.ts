import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { clinics, staffUsers } from "@/db/schema";
import { ROLE_DEFAULT_PERMISSIONS } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError } from "@/lib/errors/app-errors";
import { installClinicNotificationDefaults } from "@/lib/notifications/setup/install-clinic-defaults";

export const newClinicSchema = z.object({
  name: z.string().trim().min(2).max(200),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case letters, digits and dashes, like centre-saint-martin")
    .max(60),
  timeZone: z
    .string()
    .refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", "must be an IANA time zone, like Europe/Paris"),
  country: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166 country code, like FR"),
  defaultLanguage: z.enum(["en", "fr"]).default("en"),
  admin: z.object({
    name: z.string().trim().min(1).max(200),
    email: z.email().transform((e) => e.toLowerCase()),
    // Omitted: a strong one is generated and shown once.
    password: z.string().min(12, "at least 12 characters").max(200).optional(),
  }),
});
export type NewClinic = z.input<typeof newClinicSchema>;

// A clinic's first start in production: the clinic, its notification defaults (channels stay
// off until configured) and its first admin, in one transaction.
export async function createClinic(db: Database, input: NewClinic) {
  const spec = newClinicSchema.parse(input);
  const password = spec.admin.password ?? randomBytes(18).toString("base64url");
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx: Database) => {
    const [taken] = await tx.select({ id: clinics.id }).from(clinics).where(eqSlug(spec.slug));
    if (taken) throw new ConflictError("slug_taken", `A clinic with the slug "${spec.slug}" already exists.`);
    const [clinic] = await tx
      .insert(clinics)
      .values({ slug: spec.slug, name: spec.name, timeZone: spec.timeZone, country: spec.country, defaultLanguage: spec.defaultLanguage })
      .returning();
    await installClinicNotificationDefaults(tx, clinic.id);
    const [admin] = await tx
      .insert(staffUsers)
      .values({
        clinicId: clinic.id,
        name: spec.admin.name,
        email: spec.admin.email,
        passwordHash,
        role: "admin",
        permissions: [...ROLE_DEFAULT_PERMISSIONS.admin],
      })
      .onConflictDoNothing()
      .returning();
    if (!admin) throw new ConflictError("email_taken", `A staff account with ${spec.admin.email} already exists.`);
    return { clinic, admin: { id: admin.id, email: admin.email }, generatedPassword: spec.admin.password ? null : password };
  });
}

const eqSlug = (slug: string) => sql`${clinics.slug} = ${slug}`;
