import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from './config.js';

/**
 * The one structured logger of undocs (Powertools). Per-record context (`bucket`, `key`,
 * `documentId`) is appended by the handler and removed after each record; document text is never
 * logged. The service name is the function's POWERTOOLS_SERVICE_NAME (each function's stack sets
 * its own: `undocs-ingest`, `undocs-console`), else the ingest one; the level is
 * POWERTOOLS_LOG_LEVEL, which Powertools reads itself. (A name given to the constructor would win
 * over the variable, hence the explicit fallback.)
 */
export const logger = new Logger({ serviceName: serviceNameOf(process.env) });

/** The service name logs carry in an environment. */
export function serviceNameOf(env: Readonly<Record<string, string | undefined>>): string {
  return env.POWERTOOLS_SERVICE_NAME || SERVICE_NAME;
}
