import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from './config.js';

/**
 * The one structured logger of undocs (Powertools). Per-record context (`bucket`, `key`,
 * `documentId`) is appended by the handler and removed after each record; document text is never
 * logged. The service name and level come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_LOG_LEVEL,
 * which Powertools reads itself.
 */
export const logger = new Logger({ serviceName: SERVICE_NAME });
