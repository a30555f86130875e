// GET /api/health — liveness and database reachability, for load balancers and the e2e server wait.
import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDatabaseHandle } from "@/db/client";
import { logError } from "@/lib/errors/log-error";

export const dynamic = "force-dynamic";

export async function GET() {
  const handle = getDatabaseHandle();
  try {
    await handle.db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", db: "ok", engine: handle.engine });
  } catch (error) {
    logError("health check failed", error);
    return NextResponse.json({ status: "degraded", db: "unreachable", engine: handle.engine }, { status: 503 });
  }
}
