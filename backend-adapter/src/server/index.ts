export { buildApp, type App, type AppOptions } from './app';
export { startServer, type RunningServer, type StartOptions } from './start';
export {
  loadConfigFile,
  resolveConfig,
  ConfigError,
  withDefaults,
  type Env,
  type LoadedConfig,
} from './config/load-config';
export type { ResolvedConfig, ResolvedSite } from './config/resolved-config';
export { ServerConfig, SiteConfig } from './config/config-schema';
export { siteBasePath } from './sites';
