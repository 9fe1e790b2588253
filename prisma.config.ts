import { defineConfig } from "prisma/config";

// The Prisma CLI is used only for `prisma generate` here (see scripts/prisma-generate.mjs);
// migrations are created and applied by scripts/db-migrate.ts without the native engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/nap_tracker" },
});
