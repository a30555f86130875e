import { getTableColumns, getTableName, is, sql, SQL } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "./client";
import { executeRows } from "./execute-rows";

// Many rows as one JSON parameter (jsonb_populate_recordset): the statement's text and its
// single parameter cost the same to build for 5,000 rows as for 5, where a VALUES list of
// 5,000 × 25 placeholders costs drizzle more CPU than the database spends inserting them.
// Every insertable column is written: a key a row leaves out takes the column's JS default
// ($default / .default(value)) or NULL; a column whose default is SQL (now(), a sequence)
// must then be given explicitly, and is refused by name otherwise.
export async function insertRecords<T extends PgTable>(
  db: Database,
  table: T,
  rows: T["$inferInsert"][],
  options: { onConflictDoNothing?: boolean; chunkSize?: number } = {},
): Promise<string[]> {
  if (!rows.length) return [];
  const columns = Object.entries(getTableColumns(table))
    .filter(([, c]) => !c.generated && !c.generatedIdentity)
    // The database is opened with casing "snake_case": a column named by its key is snake_cased.
    .map(([key, c]) => [key, c, c.keyAsName ? toSnakeCase(c.name) : c.name] as const);
  const names = sql.raw(columns.map(([, , name]) => `"${name}"`).join(", "));
  const tableName = sql.raw(`"${getTableName(table)}"`);
  const kept: string[] = [];
  const chunkSize = options.chunkSize ?? 5000;
  for (let i = 0; i < rows.length; i += chunkSize) {
    const records = rows.slice(i, i + chunkSize).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [key, column, name] of columns) {
        let value = (row as Record<string, unknown>)[key];
        if (value === undefined) {
          if (column.defaultFn) value = column.defaultFn();
          else if (column.hasDefault && is(column.default, SQL))
            throw new Error(`insertRecords: ${getTableName(table)}.${name} has an SQL default; give it a value`);
          else value = column.default ?? null;
        }
        // JSON carries dates as ISO text, which timestamptz reads back exactly.
        record[name] = value instanceof Date ? value.toISOString() : value;
      }
      return record;
    });
    const returned = await executeRows<{ id: string }>(
      db,
      sql`insert into ${tableName} (${names})
        select ${names} from jsonb_populate_recordset(null::${tableName}, ${JSON.stringify(records)}::jsonb)
        ${options.onConflictDoNothing ? sql`on conflict do nothing` : sql``}
        returning id`,
    );
    for (const r of returned) kept.push(r.id);
  }
  return kept;
}
