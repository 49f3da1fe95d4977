package outsourcing

import _ "embed"

//go:embed schema/money.schema.json
var moneySchemaJSON []byte

// MoneySchema holds the shared definitions ($defs) every other schema
// refers to: decimal, non_negative_decimal, currency, money, percent,
// rounding and id. Its $id is
// https://outsourcing-go.github.io/schemas/money.schema.json.
var MoneySchema = MustRegisterSchema(moneySchemaJSON)

//go:embed schema/ruleset.schema.json
var ruleSetSchemaJSON []byte

// RuleSetSchema validates rule set documents (see ParseRuleSet).
var RuleSetSchema = MustRegisterSchema(ruleSetSchemaJSON)

//go:embed schema/decision-table.schema.json
var decisionTableSchemaJSON []byte

// DecisionTableSchema validates decision table documents (see ParseTableSpec).
var DecisionTableSchema = MustRegisterSchema(decisionTableSchemaJSON)
