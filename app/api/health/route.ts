import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return NextResponse.json(
    { status: database.ok ? "ok" : "unavailable", database, time: new Date().toISOString() },
    { status: database.ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
