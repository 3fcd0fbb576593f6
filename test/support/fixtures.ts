import { createConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

export const silentLogger = createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'error', silent: !process.env.TEST_LOG_LEVEL });

export function testConfig(env: Record<string, string> = {}): Config {
  return createConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: 'memory://', SCHEDULER_ENABLED: 'false', ...env });
}
