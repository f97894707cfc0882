import type Database from 'better-sqlite3';
import { CompiledQuery, type QueryResult } from 'kysely';

/** What a bulk statement needs of a connection: any Kysely instance or transaction has it. */
export type BulkConn = { executeQuery(query: CompiledQuery): Promise<QueryResult<unknown>> };

/**
 * Bulk statements: one prepared statement run once per row, inside the caller's query (so inside its
 * transaction), through Kysely's own connection. better-sqlite3 runs a prepared INSERT ten thousand times in
 * about 90 ms; the same rows as one `json_each` statement take three times that (every `->>` parses the row
 * again), and a Kysely multi-row insert spends as long compiling as SQLite spends writing.
 *
 * Kysely hands the compiled SQL and its parameters to the connection's `prepare` untouched: a statement
 * marked with `BULK_MARK` is prepared without the mark and given a runner that takes the rows as its one
 * parameter. Only connections opened through `withBulkStatements` understand the mark.
 */
const BULK_MARK = '/* otklik:bulk */ ';

type Runner = Pick<Database.Statement, 'reader' | 'run' | 'all'>;

/** A `prepare` that understands bulk statements, over one that prepares plain SQL (cached or not). */
export function withBulkStatements(
  prepare: (sql: string) => Database.Statement,
): (sql: string) => Database.Statement | Runner {
  return (text: string) => {
    if (!text.startsWith(BULK_MARK)) return prepare(text);
    const statement = prepare(text.slice(BULK_MARK.length));
    const runner: Runner = {
      reader: false,
      // Kysely passes its parameter list: here, one parameter, the rows.
      run(parameters: unknown) {
        const [rows] = parameters as [unknown[][]];
        let changes = 0;
        for (const row of rows) changes += statement.run(row).changes;
        return { changes, lastInsertRowid: 0 };
      },
      all() {
        throw new Error('A bulk statement returns no rows');
      },
    };
    return runner;
  };
}

/**
 * Runs `statement` (with `?` placeholders) once per row, in order, on `conn` (a SQLite connection opened
 * with `withBulkStatements`, or a transaction on one). Returns the number of rows changed.
 */
export async function runBulk(
  conn: BulkConn,
  statement: string,
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await conn.executeQuery(CompiledQuery.raw(BULK_MARK + statement, [rows]));
  return Number(result.numAffectedRows ?? 0);
}

/** Rows per multi-row statement: 500 rows of 18 columns stay far below SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * Writes many rows with multi-row `VALUES` lists: `statement` receives the list (`(?, ?), (?, ?), …`) and
 * returns the SQL. Faster than one statement per row where the table has triggers: SQLite opens a
 * statement savepoint per statement, and at each one FTS5 writes out what it holds in memory (the
 * queue's search index: 10,000 incidents 0.23 s in statements of 1,000 rows against 0.67 s one by one).
 * On SQLite two statements are prepared however many rows: one of full size, one of a single row for the
 * rest. On PostgreSQL (the hub) the same SQL runs with numbered parameters, a statement per 500 rows.
 */
export async function insertMany(
  conn: BulkConn,
  width: number,
  statement: (values: string) => string,
  rows: readonly (readonly unknown[])[],
  dialect: 'sqlite' | 'postgres' = 'sqlite',
): Promise<number> {
  if (dialect === 'postgres') return insertManyNumbered(conn, width, statement, rows);
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const full = Math.floor(rows.length / ROWS_PER_STATEMENT) * ROWS_PER_STATEMENT;
  const groups: unknown[][] = [];
  for (let i = 0; i < full; i += ROWS_PER_STATEMENT) {
    groups.push(rows.slice(i, i + ROWS_PER_STATEMENT).flat());
  }
  let changes = 0;
  if (groups.length > 0) {
    changes += await runBulk(
      conn,
      statement(Array.from({ length: ROWS_PER_STATEMENT }, () => tuple).join(', ')),
      groups,
    );
  }
  changes += await runBulk(conn, statement(tuple), rows.slice(full));
  return changes;
}

async function insertManyNumbered(
  conn: BulkConn,
  width: number,
  statement: (values: string) => string,
  rows: readonly (readonly unknown[])[],
): Promise<number> {
  let changes = 0;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    const values = chunk
      .map((_, r) => `(${Array.from({ length: width }, (_c, c) => `$${r * width + c + 1}`).join(', ')})`)
      .join(', ');
    const result = await conn.executeQuery(CompiledQuery.raw(statement(values), chunk.flat()));
    changes += Number(result.numAffectedRows ?? 0);
  }
  return changes;
}
