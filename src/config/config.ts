/**
 * The service's configuration: read from the environment once, validated, frozen.
 * Only this module reads `process.env`; everything else receives a `Config`.
 */
import { z } from 'zod';
import { redactUrlCredentials, SECRET_NAME } from '../logging/redact.js';

/** The development default of IDENTIFIER_HMAC_KEY: public, so refused outside development and test. */
export const DEV_IDENTIFIER_HMAC_KEY = 'creditgraph-dev-identifier-key (not a secret)';

/** The development default of NEO4J_PASSWORD (what scripts/services.sh sets): public, so refused with NODE_ENV=production. */
export const DEV_NEO4J_PASSWORD = 'creditgraph-dev';
/** The purposes a request may state in X-Purpose unless AUDIT_PURPOSES says otherwise. */
export const DEFAULT_AUDIT_PURPOSES = ['credit_decision', 'account_review', 'fraud_investigation', 'monitoring', 'testing'] as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every variable, its default and its allowed values. README's configuration table mirrors this. */
export const ENV_SCHEMA = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(8080),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'a bolt:// or neo4j:// URI').default('bolt://127.0.0.1:7687'),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().min(8, 'at least 8 characters (Neo4j 5 requires it)').default(DEV_NEO4J_PASSWORD),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_CONNECT_TIMEOUT_MS: int(100, 120000).default(2000),
  NEO4J_READ_TIMEOUT_MS: int(100, 86_400_000).default(60_000),
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and -').default('creditgraph'),
  SHUTDOWN_TIMEOUT_MS: int(100, 600000).default(10000),
  INGEST_BATCH_ROWS: int(1, 100000).default(2000),
  INGEST_WRITERS: int(1, 16).default(1),
  INGEST_HTTP_MAX_ROWS: int(1, 1000000).default(10000),
  INGEST_HTTP_MAX_BYTES: int(1024, 1073741824).default(10 * 1024 * 1024),
  INGEST_UPLOAD_MAX_BYTES: int(1024, 2 ** 40).default(2 * 1024 ** 3),
  INGEST_MAX_LINE_BYTES: int(1024, 1073741824).default(1024 * 1024),
  INGEST_MAX_DECOMPRESSED_BYTES: int(1024, 2 ** 50).default(16 * 1024 ** 3),
  UPLOAD_DIR: z.string().min(1).default('.local/uploads'),
  REJECTS_DIR: z.string().min(1).default('.local/rejects'),
  IDENTIFIER_HMAC_KEY: z.string().min(16, 'at least 16 characters').default(DEV_IDENTIFIER_HMAC_KEY),
  IDENTIFIER_MAX_GROUP: int(2, 1000000).default(50),
  METRICS_CRON: z.string().min(1).default('0 2 * * *'),
  METRICS_TZ: z.string().min(1).default('UTC'),
  METRICS_SCHEDULE_ENABLED: bool.default(true),
  METRICS_RUNS_KEEP: int(1, 1000).default(3),
  METRICS_WRITE_BATCH_ROWS: int(1, 100000).default(2000),
  METRICS_WRITE_PARALLEL: int(1, 16).default(2),
  METRICS_LOCK_MS: int(1000, 3600000).default(30000),
  METRICS_STALLED_MS: int(500, 3600000).default(30000),
  BETWEENNESS_EXACT_MAX_NODES: int(0, 10000000).default(5000),
  BETWEENNESS_EPSILON: z.coerce.number().gt(0).lt(1).default(0.01),
  BETWEENNESS_DELTA: z.coerce.number().gt(0).lt(1).default(0.1),
  METRICS_MAX_MEMORY_MB: int(64, 1048576).default(4096),
  STALE_AFTER_HOURS: int(1, 100000).default(48),
  MODEL_FILE: z.string().default(''),
  FRAUD_MODEL_FILE: z.string().default(''),
  MODELS_DIR: z.string().min(1).default('.local/models'),
  SCORE_TIMEOUT_MS: int(100, 60000).default(1500),
  SERVING_SCOPE: z.string().max(200).default(''),
  FEATURES_REFRESH_MAX_ENTITIES: int(0, 10_000_000).default(10_000),
  RATE_LIMIT_PER_MINUTE: int(1, 1000000).default(600),
  AUDIT_PURPOSES: z
    .string()
    .regex(/^\s*[A-Za-z0-9_-]+(\s*,\s*[A-Za-z0-9_-]+)*\s*$/, 'a comma-separated list of purposes (letters, digits, _ and -)')
    .default(DEFAULT_AUDIT_PURPOSES.join(','))
    .transform((v) => [...new Set(v.split(',').map((p) => p.trim()))]),
  ALERT_EXPOSURE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  ALERT_COMMUNITY_RISK_THRESHOLD: z.coerce.number().min(0).max(1).default(0.2),
  ALERT_FRAUD_RISK_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  MONITORING_WINDOW_DAYS: int(1, 365).default(30),
  MONITORING_LOOKBACK_DAYS: int(0, 365).default(30),
  MONITORING_MAX_HOPS: int(1, 5).default(3),
});

type Env = z.infer<typeof ENV_SCHEMA>;

/** The validated settings, grouped by the part of the system that uses them. */
export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly http: { readonly host: string; readonly port: number; readonly shutdownTimeoutMs: number; readonly rateLimitPerMinute: number };
  readonly log: { readonly level: Env['LOG_LEVEL'] };
  /** Reads of entity data must state one of these purposes (X-Purpose); each read is audited before it is answered. */
  readonly audit: { readonly purposes: readonly string[] };
  readonly neo4j: {
    readonly uri: string;
    readonly user: string;
    readonly password: string;
    readonly database: string;
    readonly connectTimeoutMs: number;
    /** Server-side timeout of read transactions that do not set their own (ms). */
    readonly readTimeoutMs: number;
  };
  readonly redis: { readonly url: string; readonly prefix: string };
  readonly ingest: { readonly batchRows: number; readonly writers: number; readonly httpMaxRows: number; readonly httpMaxBytes: number; readonly uploadDir: string; readonly uploadMaxBytes: number;
    /** Where `creditgraph ingest` writes rejects files by default (relative = under the project). */
    readonly rejectsDir: string;
    /** Longest line of an ingest file, in bytes (longer lines are rejects). */
    readonly maxLineBytes: number;
    /** Most bytes a `.gz` file or upload may decompress to (over it: rejected, 413 for uploads). */
    readonly maxDecompressedBytes: number };
  readonly metrics: {
    readonly cron: string;
    readonly timeZone: string;
    readonly scheduleEnabled: boolean;
    readonly runsKeep: number;
    readonly betweennessExactMaxNodes: number;
    /** Additive error ε of sampled betweenness (on the n(n − 1) scale), in (0, 1). */
    readonly betweennessEpsilon: number;
    /** Probability δ that some sampled betweenness misses ε, in (0, 1). */
    readonly betweennessDelta: number;
    /** A refresh refuses to start when its estimated peak memory exceeds this (MB). */
    readonly maxMemoryMb: number;
    readonly writeBatchRows: number;
    /** Write-back transactions in flight at once. */
    readonly writeParallel: number;
    /** BullMQ lock of a refresh job, renewed every lockMs / 2 (the analytics run in a worker thread). */
    readonly lockMs: number;
    /** How often workers look for stalled jobs (a crashed worker's refresh is picked up after ≤ lock + this). */
    readonly stalledIntervalMs: number;
    readonly alertExposure: number;
    readonly alertCommunityRisk: number;
    /** fraudRisk (probability, 0..1) at or above which an entity is alerted (runs scored by a fraud model). */
    readonly alertFraudRisk: number;
    /** Post-loan monitoring (docs/monitoring.md): days traced after disbursement, balance look-back, hops. */
    readonly monitoring: { readonly windowDays: number; readonly lookbackDays: number; readonly maxHops: number };
    /** IDENTIFIER_MAX_GROUP again (one value): identifiers linking more entities are ignored by the snapshot. */
    readonly identifierMaxGroup: number;
  };
  /** Identifier values are stored as `type:HMAC(hmacKey, normalised value)`; an identifier links at most maxGroup entities. */
  readonly identifiers: { readonly hmacKey: string; readonly maxGroup: number };
  readonly scoring: {
    readonly staleAfterHours: number;
    readonly modelFile: string;
    /** Fraud model (`creditgraph train --target fraud`) behind `fraudRisk`; '' = none (fraudRisk null). */
    readonly fraudModelFile: string;
    readonly modelsDir: string;
    readonly timeoutMs: number;
    /** Entity id prefix whose current metrics run scores are served from ('' = the whole graph). */
    readonly servingScope: string;
    /** Above this many entities touched by one load, their stored features are dropped, not recomputed. */
    readonly featuresRefreshMaxEntities: number;
  };
}

/** Raised when a variable is invalid; the message names the variable and what is allowed. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates an environment (normally `process.env`) into a frozen Config; throws ConfigError on the first bad variables. */
export function loadConfig(source: Record<string, string | undefined>): Config {
  const defined = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ENV_SCHEMA.safeParse(defined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]);
      return `${key}=${shownValue(key, source[key])}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  refuseDevelopmentSecrets(parsed.data);
  return deepFreeze(toConfig(parsed.data));
}

/**
 * A value as a config error may show it: secrets (passwords, HMAC keys, any *_SECRET…) never, and
 * credentials inside URLs (redis://user:pass@host) replaced.
 */
function shownValue(key: string, value: string | undefined): string {
  if (SECRET_NAME.test(key)) return '(hidden)';
  return redactUrlCredentials(JSON.stringify(value));
}

/**
 * Public development defaults of secrets: the identifier HMAC key is accepted only with NODE_ENV
 * development or test, the Neo4j password not with NODE_ENV=production. The message names the
 * variable, never the value.
 */
function refuseDevelopmentSecrets(e: Env): void {
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && e.NEO4J_PASSWORD === DEV_NEO4J_PASSWORD) {
    problems.push(
      'NEO4J_PASSWORD: the development default is refused with NODE_ENV=production; set the password of a ' +
        'Neo4j user of this deployment (at least 8 characters)',
    );
  }
  if (e.NODE_ENV !== 'development' && e.NODE_ENV !== 'test' && e.IDENTIFIER_HMAC_KEY === DEV_IDENTIFIER_HMAC_KEY) {
    problems.push(
      `IDENTIFIER_HMAC_KEY: the development default is refused with NODE_ENV=${e.NODE_ENV}; ` +
        'set a secret of at least 16 characters (e.g. `openssl rand -hex 32`), and keep it: identifiers are keyed by it',
    );
  }
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
}

function toConfig(e: Env): Config {
  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT, shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS, rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE },
    log: { level: e.LOG_LEVEL },
    audit: { purposes: e.AUDIT_PURPOSES },
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
      readTimeoutMs: e.NEO4J_READ_TIMEOUT_MS,
    },
    redis: { url: e.REDIS_URL, prefix: e.QUEUE_PREFIX },
    ingest: {
      batchRows: e.INGEST_BATCH_ROWS,
      writers: e.INGEST_WRITERS,
      httpMaxRows: e.INGEST_HTTP_MAX_ROWS,
      httpMaxBytes: e.INGEST_HTTP_MAX_BYTES,
      uploadDir: e.UPLOAD_DIR,
      rejectsDir: e.REJECTS_DIR,
      uploadMaxBytes: e.INGEST_UPLOAD_MAX_BYTES,
      maxLineBytes: e.INGEST_MAX_LINE_BYTES,
      maxDecompressedBytes: e.INGEST_MAX_DECOMPRESSED_BYTES,
    },
    metrics: {
      cron: e.METRICS_CRON,
      timeZone: e.METRICS_TZ,
      scheduleEnabled: e.METRICS_SCHEDULE_ENABLED,
      runsKeep: e.METRICS_RUNS_KEEP,
      betweennessExactMaxNodes: e.BETWEENNESS_EXACT_MAX_NODES,
      betweennessEpsilon: e.BETWEENNESS_EPSILON,
      betweennessDelta: e.BETWEENNESS_DELTA,
      maxMemoryMb: e.METRICS_MAX_MEMORY_MB,
      writeBatchRows: e.METRICS_WRITE_BATCH_ROWS,
      writeParallel: e.METRICS_WRITE_PARALLEL,
      lockMs: e.METRICS_LOCK_MS,
      stalledIntervalMs: e.METRICS_STALLED_MS,
      alertExposure: e.ALERT_EXPOSURE_THRESHOLD,
      alertCommunityRisk: e.ALERT_COMMUNITY_RISK_THRESHOLD,
      alertFraudRisk: e.ALERT_FRAUD_RISK_THRESHOLD,
      monitoring: { windowDays: e.MONITORING_WINDOW_DAYS, lookbackDays: e.MONITORING_LOOKBACK_DAYS, maxHops: e.MONITORING_MAX_HOPS },
      identifierMaxGroup: e.IDENTIFIER_MAX_GROUP,
    },
    identifiers: { hmacKey: e.IDENTIFIER_HMAC_KEY, maxGroup: e.IDENTIFIER_MAX_GROUP },
    scoring: {
      staleAfterHours: e.STALE_AFTER_HOURS,
      modelFile: e.MODEL_FILE,
      fraudModelFile: e.FRAUD_MODEL_FILE,
      modelsDir: e.MODELS_DIR,
      timeoutMs: e.SCORE_TIMEOUT_MS,
      servingScope: e.SERVING_SCOPE,
      featuresRefreshMaxEntities: e.FEATURES_REFRESH_MAX_ENTITIES,
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
