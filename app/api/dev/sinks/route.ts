// GET|DELETE /api/dev/sinks — what the local provider sinks received for the caller's clinic
// (local-sink mode only; 404 otherwise).
import { NextResponse } from "next/server";
import { staffRoute } from "@/lib/api/staff-route";
import { localSinkInbox } from "@/lib/notifications/setup/local-sink-inbox";

export const GET = staffRoute({ permission: "view_local_sinks" }, ({ ctx }) => localSinkInbox(ctx, "GET"));
export const DELETE = staffRoute({ permission: "view_local_sinks" }, async ({ ctx }) => {
  await localSinkInbox(ctx, "DELETE");
  return new NextResponse(null, { status: 204 });
});
