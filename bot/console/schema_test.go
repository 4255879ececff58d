package console

// The fake Slack checks every block against Block Kit's JSON Schema in
// these tests, as well as Slack's limits.
import _ "github.com/directorbot/directorbot/bot/fakeslack/blockschema"
