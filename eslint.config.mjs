import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The data layer is the only door to the database: nothing else imports Prisma or lib/db.
    files: ["app/**", "components/**", "lib/**", "i18n/**"],
    ignores: ["lib/data/**", "lib/db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/generated/prisma/client",
                "@/generated/prisma/client/*",
                "@prisma/client",
                "@prisma/client/*",
                "@/lib/db",
                "@/lib/db/*",
              ],
              message: "Use the data layer in lib/data/.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Components get what they show as props; their types live in lib/domain/types or beside
    // the zod schemas, never in the data layer (type imports included).
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/generated/prisma/client",
                "@/generated/prisma/client/*",
                "@prisma/client",
                "@prisma/client/*",
                "@/lib/db",
                "@/lib/db/*",
              ],
              message: "Use the data layer in lib/data/.",
              allowTypeImports: true,
            },
            {
              group: ["@/lib/data", "@/lib/data/*"],
              message: "Components take props; import DTO types from lib/domain/types/.",
              allowTypeImports: false,
            },
          ],
        },
      ],
    },
  },
  {
    // The browser's zod is configured once, in lib/validation/zod.ts: schemas import it from there.
    files: ["lib/validation/**", "lib/actions/**", "components/**", "app/**"],
    ignores: ["lib/validation/zod.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "zod",
              message: 'Import { z } from "@/lib/validation/zod" (it configures zod for the browser\'s CSP).',
            },
          ],
        },
      ],
    },
  },
];

export default config;
