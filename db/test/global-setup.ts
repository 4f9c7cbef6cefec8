// Replaced once the schema exists: builds a migrated PGlite template for integration tests.
export default async function setup() {}
