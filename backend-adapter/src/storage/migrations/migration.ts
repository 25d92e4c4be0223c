/** One step of the schema. Statements run in order inside one transaction, on both databases. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
  /** Statements for one database only, run after the shared ones. */
  sqlite?: string[];
  postgres?: string[];
}
