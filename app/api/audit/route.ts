// GET /api/audit — the clinic's audit trail: who changed what and when (filters: staff, kind, days).
import { staffRoute } from "@/lib/api/staff-route";
import { auditQuerySchema, listAudit } from "@/lib/audit/list-audit";

export const GET = staffRoute({ permission: "view_audit_log", query: auditQuerySchema }, ({ ctx, query }) => listAudit(ctx, query));
