// Kept for the tests that import it by this name: countSqlQueries now counts the statements of
// PGlite transactions too (BEGIN, each statement, COMMIT), like node-postgres's.
export { countSqlQueries as countStatements } from "../factories/browse";
