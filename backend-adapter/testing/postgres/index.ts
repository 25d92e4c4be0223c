export { findPostgres, postgresRequired, startPostgres, type PostgresCluster } from './throwaway-cluster';
