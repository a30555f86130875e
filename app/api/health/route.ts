// GET /api/health — database, queue depth, the worker's last tick and the live feed's LISTEN
// state, for load balancers, operators and the e2e server wait.
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const { ok, body } = await checkHealth(new Date());
  return NextResponse.json(body, { status: ok ? 200 : 503 });
}
