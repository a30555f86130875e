// npm run clinic:create -- --name "…" --slug … --time-zone Europe/Paris --country FR
//   --admin-email … --admin-name "…" [--admin-password …] [--language fr]
// A production clinic and its first admin on the configured database (DATABASE_URL or PGLITE_DIR).
import { parseArgs } from "node:util";
import { openDatabase, targetFromEnv } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { AppError } from "@/lib/errors/app-errors";
import { createClinic } from "@/lib/onboarding/create-clinic";
import { ZodError } from "zod";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    slug: { type: "string" },
    "time-zone": { type: "string" },
    country: { type: "string" },
    language: { type: "string" },
    "admin-email": { type: "string" },
    "admin-name": { type: "string" },
    "admin-password": { type: "string" },
  },
});
const slugOf = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

const handle = openDatabase(targetFromEnv(), { maxConnections: 1 });
try {
  await runMigrations(handle);
  const created = await createClinic(handle.db, {
    name: values.name ?? "",
    slug: values.slug ?? slugOf(values.name ?? ""),
    timeZone: values["time-zone"] ?? "",
    country: (values.country ?? "").toUpperCase(),
    defaultLanguage: (values.language as "en" | "fr" | undefined) ?? "en",
    admin: { name: values["admin-name"] ?? "", email: values["admin-email"] ?? "", password: values["admin-password"] },
  });
  console.log(`Clinic "${created.clinic.name}" created (${created.clinic.id}).`);
  console.log(`Admin: ${created.admin.email}${created.generatedPassword ? ` — password (shown once): ${created.generatedPassword}` : ""}`);
} catch (error) {
  if (error instanceof ZodError) {
    const FLAGS: Record<string, string> = {
      timeZone: "time-zone",
      defaultLanguage: "language",
      "admin.name": "admin-name",
      "admin.email": "admin-email",
      "admin.password": "admin-password",
    };
    for (const issue of error.issues) console.error(`--${FLAGS[issue.path.join(".")] ?? issue.path.join(".")}: ${issue.message}`);
  } else if (error instanceof AppError) {
    console.error(error.message);
  } else {
    throw error;
  }
  process.exitCode = 2;
} finally {
  await handle.close();
}
