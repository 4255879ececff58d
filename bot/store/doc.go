// Package store keeps the bot's persistent state in a database chosen by a
// DATABASE_URL string: PostgreSQL (postgres://… or postgresql://…) when
// several replicas share the state, or a pure-Go SQLite file (sqlite:PATH)
// when one process runs alone, so the binary stays free of cgo.
//
// Open connects and brings the schema up to date from the numbered SQL files
// embedded under migrations/, one directory per dialect. A new feature adds
// its tables as the next file in both directories; applied versions are
// recorded in the schema_migrations table, so each file runs once per
// database, and on PostgreSQL an advisory lock lets replicas that start
// together migrate one after the other.
//
// The state held today is a set of exactly-once claims: Claim reports true to
// the first caller for a key, so an event that Slack delivers again, or that
// two replicas both receive, is answered once.
package store
