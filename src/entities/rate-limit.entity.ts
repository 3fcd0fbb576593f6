import { BigIntType, Entity, PrimaryKey, Property, OptionalProps } from '@mikro-orm/core';

/**
 * rate-limiter-flexible's PostgreSQL store (RateLimiterPostgres), declared here so a migration creates it rather
 * than the library at run time: its columns and types are the ones the library's statements expect.
 * `expire` is the library's own wall-clock deadline in epoch milliseconds; null never expires.
 */
@Entity({ tableName: 'rate_limits' })
export class RateLimit {
  [OptionalProps]?: 'points' | 'expire';

  @PrimaryKey({ type: 'string', columnType: 'varchar(255)' })
  key!: string;

  @Property({ type: 'integer' })
  points: number = 0;

  @Property({ type: new BigIntType('number'), nullable: true })
  expire?: number | null;
}
