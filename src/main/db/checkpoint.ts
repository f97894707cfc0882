import type Database from 'better-sqlite3';

/** Quiet time after the last commit before the write-ahead log is copied into the database. */
const IDLE_MS = 500;
/**
 * Pages the log may hold before SQLite checkpoints on its own at a commit (the backstop while writes go on
 * without a pause): 16,384 pages of 4 KiB, 64 MiB. SQLite's default is 1,000.
 */
const WAL_PAGES = 16_384;

type Prepare = (sql: string) => Database.Statement;

/**
 * Checkpoints the write-ahead log when the database falls quiet, rather than in the middle of a burst of
 * writes. SQLite checkpoints automatically in the commit that takes the log past 1,000 pages (4 MiB): a
 * sync that applies 10,000 incidents spent two thirds of its commit time there (0.28 s), copying pages
 * that the next batch would change again. SQLite's documentation («Write-Ahead Logging», Checkpointing) leaves the moment to
 * the application; here it is half a second after the last commit, with the automatic checkpoint kept as a
 * backstop at 64 MiB. Durability is the journal mode's and `synchronous`'s, whatever the checkpoint's time.
 */
export class IdleCheckpoints {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly sqlite: Database.Database) {
    sqlite.pragma(`wal_autocheckpoint = ${WAL_PAGES}`);
    // The log file is reused after a checkpoint; this trims it back when a burst made it large.
    sqlite.pragma(`journal_size_limit = ${WAL_PAGES * 4096}`);
  }

  /**
   * A `prepare` that notices commits (Kysely ends its transactions with a plain `commit` statement): each
   * one moves the checkpoint to half a second later.
   */
  watch(prepare: Prepare): Prepare {
    return (sql: string) => {
      const statement = prepare(sql);
      if (sql !== 'commit') return statement;
      const run = (...args: unknown[]) => {
        const result = statement.run(...(args as []));
        this.committed();
        return result;
      };
      return { reader: false, run, all: () => statement.all() } as unknown as Database.Statement;
    };
  }

  /** Stops the timer (the connection closes: SQLite checkpoints the log itself then). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private committed(): void {
    if (this.closed) return;
    if (this.timer) {
      this.timer.refresh();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed || !this.sqlite.open) return;
      try {
        // PASSIVE: copies what it can without waiting for readers or blocking writers.
        this.sqlite.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // Busy or closing: the next quiet moment, or the automatic checkpoint, does it.
      }
    }, IDLE_MS);
    this.timer.unref();
  }
}
