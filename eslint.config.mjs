import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // `const { secret, ...rest } = row` is how a column is left out of an answer.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_" }],
    },
  },
  {
    // Components run in the browser (or render there): never the database or a server module.
    // Types are erased, so type-only imports are fine. Server modules also say
    // `import "server-only"`, which fails the build if a client component pulls one in.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*", "postgres", "@electric-sql/*", "drizzle-orm", "drizzle-orm/*", "server-only"],
              allowTypeImports: true,
              message: "Components never touch the database: fetch through an API route or take the data as props.",
            },
            {
              group: [
                "@/lib/*",
                "!@/lib/api",
                "@/lib/api/*",
                "!@/lib/api/client",
                "!@/lib/i18n",
                "!@/lib/i18n/locales",
                "!@/lib/i18n/set-locale",
                "!@/lib/scheduling",
              ],
              allowTypeImports: true,
              message:
                "Components import only browser-safe modules (lib/api/client, lib/i18n/locales, lib/i18n/set-locale, lib/scheduling); take anything else as props or types.",
            },
          ],
        },
      ],
    },
  },
  { ignores: [".next/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", ".test-output/**", "next-env.d.ts"] },
];

export default config;
