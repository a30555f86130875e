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
  { ignores: [".next/**", ".data/**", "db/migrations/**", "test-results/**", "playwright-report/**", ".test-output/**", "next-env.d.ts"] },
];

export default config;
