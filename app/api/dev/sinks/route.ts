// GET|DELETE /api/dev/sinks — what the local provider sinks received (embedded default only).
import { NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { localSinkUrl, localSinksEnabled } from "@/lib/config/env";
import { NotFoundError } from "@/lib/errors/app-errors";

async function sink(method: "GET" | "DELETE") {
  if (!localSinksEnabled()) throw new NotFoundError("Local sinks");
  const response = await fetch(`${localSinkUrl()}/_sink/messages`, { method, signal: AbortSignal.timeout(3000) }).catch(() => null);
  if (!response) return NextResponse.json({ error: { code: "sinks_unavailable", message: "The local sinks are not running." } }, { status: 503 });
  return method === "GET" ? NextResponse.json(await response.json()) : new NextResponse(null, { status: 204 });
}

export const GET = staffRoute({}, () => sink("GET"));
export const DELETE = staffRoute({}, () => sink("DELETE"));
