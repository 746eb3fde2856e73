// DuckDB runs one query at a time per connection, so concurrency is a pool of connections over one
// instance (one instance per process). Each connection gets the Trino macros when it is opened; temp
// views made for one query stay on its connection.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export class ConnectionPool {
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiters: ((c: DuckDBConnection) => void)[] = [];
  private opened = 0;
  private closed = false;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly size: number,
    private readonly init: (c: DuckDBConnection) => Promise<void>,
  ) {}

  async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('the DuckDB engine is closed');
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.opened < this.size) {
      this.opened++;
      try {
        const c = await this.instance.connect();
        await this.init(c);
        return c;
      } catch (e) {
        this.opened--;
        throw e;
      }
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(c: DuckDBConnection): void {
    const next = this.waiters.shift();
    if (next) next(c);
    else this.idle.push(c);
  }

  async use<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const c = await this.acquire();
    try {
      return await fn(c);
    } finally {
      this.release(c);
    }
  }

  close(): void {
    this.closed = true;
    for (const c of this.idle.splice(0)) c.closeSync();
  }
}
