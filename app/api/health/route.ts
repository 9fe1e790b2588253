import { NextResponse } from "next/server";
import { publicRoute } from "@/lib/api/route";
import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

// Load balancers and scripts/start.ts only need up or down (the status code). Which database
// runs, how fast it answers and how many migrations it has tell an attacker what to aim at, so
// only a platform administrator sees them.
export const GET = publicRoute(async (_request, { ctx }) => {
  const database = await checkDatabase();
  const status = database.ok ? 200 : 503;
  const summary = { status: database.ok ? "ok" : "unavailable" } as const;
  // With the database down nobody can be recognised as an administrator: the summary it is.
  const actor = database.ok ? await ctx.actor().catch(() => null) : null;
  if (actor?.kind !== "user" || !actor.user.isPlatformAdmin) return NextResponse.json(summary, { status });
  return NextResponse.json({ ...summary, database, time: new Date().toISOString() }, { status });
});
