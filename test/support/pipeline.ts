import type { MikroORM } from '@mikro-orm/postgresql';
import { createInboundHandler, type HandleInbound } from '../../src/pipeline/handle-inbound.js';
import type { InboundMessage, Interceptor } from '../../src/pipeline/types.js';
import { fixedClock } from '../../src/time.js';
import { toolModules } from '../../src/tools/index.js';
import type { ToolModule } from '../../src/tools/types.js';
import { createRulesUnderstander } from '../../src/understanding/rules.js';
import type { Understander } from '../../src/understanding/types.js';
import { testDb } from './db.js';
import { silentLogger, testConfig } from './fixtures.js';

export interface PipelineOptions {
  /** Another database's ORM than the shared test database's (a test with entities of its own). */
  orm?: MikroORM;
  modules?: ToolModule[];
  understander?: Understander;
  interceptors?: Interceptor[];
  env?: Record<string, string>;
}

export function makePipeline(opts: PipelineOptions = {}): HandleInbound {
  const modules = opts.modules ?? toolModules;
  const config = testConfig(opts.env);
  return createInboundHandler({
    orm: opts.orm ?? testDb().orm,
    understander: opts.understander ?? createRulesUnderstander(modules),
    modules,
    clock: fixedClock('2026-11-23T14:00:00Z'),
    logger: silentLogger,
    settings: config,
    interceptors: opts.interceptors,
  });
}

export function consoleMessage(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
  return { channel: 'console', phone: '+15551230001', text, receivedAt: new Date('2026-11-23T14:00:00Z'), ...overrides };
}

/** Runs a raw SQL query on the test database; `$1`-style placeholders, in order. */
export function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return testDb().orm.em.getConnection().execute(query.replace(/\$\d+/g, '?'), params);
}
