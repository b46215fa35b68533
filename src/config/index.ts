export { loadConfig, ConfigError, ENV_SCHEMA } from './config.js';
export type { Config } from './config.js';
export { configFromEnvironment, environmentWithServices, PROJECT_ROOT } from './services-env.js';
export { dataDir } from './project-root.js';
