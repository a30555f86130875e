import { sql, type AnyColumn, type SQL } from "drizzle-orm";

// column = any($1): a list of thousands as one array parameter. drizzle's inArray writes one
// placeholder per value, and building those costs more than the query once lists are long
// (a fan-out claims 5,000 deliveries at once).
export function anyOf(column: AnyColumn, values: string[], type: "uuid" | "text" = "uuid"): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;
}
