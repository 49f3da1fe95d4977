package outsourcing

import _ "embed"

//go:embed schema/money.schema.json
var moneySchemaJSON []byte

// MoneySchema holds the shared definitions ($defs) every other schema
// refers to: decimal, non_negative_decimal, currency, money, percent,
// rounding and id. Its $id is
// https://outsourcing-go.github.io/schemas/money.schema.json.
func MoneySchema() *Schema { return moneySchema }

var moneySchema = MustRegisterSchema(moneySchemaJSON)
