import type { Knex } from 'knex';
import type { ClusterStatus } from '@multicloud/plugin-environments-common';

/** Where probe results live: in the database, so every replica serves the same. */
export interface StatusStore {
  getAll(): Promise<Map<string, ClusterStatus>>;
  get(name: string): Promise<ClusterStatus | undefined>;
  put(name: string, status: ClusterStatus): Promise<void>;
}

interface Row {
  name: string;
  status: string;
  checked_at: string;
}

export class DatabaseStatusStore implements StatusStore {
  constructor(private readonly db: Knex) {}

  async getAll(): Promise<Map<string, ClusterStatus>> {
    const rows = await this.db<Row>('cluster_status').select();
    return new Map(rows.map(r => [r.name, JSON.parse(r.status)]));
  }

  async get(name: string): Promise<ClusterStatus | undefined> {
    const row = await this.db<Row>('cluster_status').where({ name }).first();
    return row ? JSON.parse(row.status) : undefined;
  }

  async put(name: string, status: ClusterStatus): Promise<void> {
    await this.db<Row>('cluster_status')
      .insert({
        name,
        status: JSON.stringify(status),
        checked_at: status.checkedAt ?? new Date().toISOString(),
      })
      .onConflict('name')
      .merge();
  }
}
