import { Injectable } from '@nestjs/common';
import { ReadinessCheck, withTimeout } from '@laowu/platform';
import { DataSource } from 'typeorm';

@Injectable()
export class PostgresReadiness implements ReadinessCheck {
  readonly name = 'postgres';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<void> {
    await withTimeout(this.dataSource.query('SELECT 1'), 2000, 'PostgreSQL');
  }
}
