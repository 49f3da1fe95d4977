// Package planning covers Handbook §1, planning an outsourcing
// initiative: needs and objectives (§1.1), feasibility (§1.2) and strategy
// (§1.3).
//
// §1.1 needs and objectives: an Objective is a SMART objective (metric,
// owner, baseline, target, direction, start, deadline); Validate rejects
// one that is not specific, measurable and time-bound, and Progress gives
// its attainment, expected share and a least-squares forecast at a date.
// An ObjectiveSet (ParseObjectiveSet) holds objectives with their
// measurements.
//
// §1.2 feasibility: a TCOModel (ParseTCOModel, then CompileTCO) compares
// sourcing options over months or years with cost lines by category
// (fees, staff, infrastructure, licences, retained organisation as a
// percentage, transition, severance, knowledge transfer, risk
// contingency, exit), each with its own timing and capped escalation.
// Evaluate gives cash flows, nominal and discounted totals, savings, NPV,
// IRR, paybacks and the break-even period against the baseline, with the
// semantics of package finance (finance.IRR, Excel's 10 % guess, the rate
// nearest it when the savings change sign more than once); Lines gives
// each line's cash flow by period with its profile (the per-period
// multipliers of its base amount, so a caller such as risk's business
// case can scale or move a line without redoing the layout); Tornado and
// BreakEven show which inputs matter and where the switch stops paying.
// AssessCapability turns a weighted checklist (DefaultCapabilityChecklist:
// project, contract and supplier-relationship management...; or a
// document read with ParseCapabilityChecklist) into a ReadinessLevel with
// its gaps.
//
// §1.3 strategy: DefaultSourcingAdvisor recommends a sourcing model, a
// scope (in house, selective, partial, total) and a location (onshore,
// nearshore, offshore), from criticality, capability, expected savings and
// risk with a shipped rules.TableSpec decision table whose rows cite the
// sourcing literature (Lacity, Willcocks & Feeny 1996; Lacity & Willcocks
// 1998; Feeny & Willcocks 1998; Barthélemy 2001; Carmel & Abbott 2007);
// edit SourcingTableDocument and compile it with NewSourcingAdvisor to use
// your own. A Budget (ParseBudget) tracks spending by phase against plan
// with a tolerance band; a Timeline (ParseTimeline) reports milestone
// slippage at a date.
//
// Documents are read by ParseX functions, which validate against the
// package's JSON Schemas (TCOSchema, ObjectivesSchema, CapabilitySchema,
// BudgetSchema, TimelineSchema), decode exactly (amounts and decimals as
// strings, unknown fields rejected) and run the same checks as the Go
// API. Errors start with "planning: " once and carry *outsourcing.FieldError
// values whose Path is a JSON pointer into the caller's document or value
// ("/options/1/lines/2/amount"), matching outsourcing.ErrInvalidInput,
// ErrCurrencyMismatch or ErrNotFound; no function panics on bad input.
//
// # Usage
//
//	model, err := planning.ParseTCOModel(doc) // in-house vs offers
//	tc, err := planning.CompileTCO(model)
//	res := tc.Evaluate()
//	fmt.Print(tc.Lines().Table().Text()) // each line's cash flow by period
//	tornado, err := tc.Tornado("nearshore", outsourcing.MustPercent("10"))
//	maxFee, err := tc.BreakEven("nearshore", "nearshore/fees")
//	savings, err := res.SavingsPercent("nearshore")
//	capability, err := planning.AssessCapability(checklist)
//	rec, err := planning.DefaultSourcingAdvisor().Recommend(planning.SourcingInputs{
//		Criticality: planning.CriticalityLow, Capability: capability.Level,
//		ExpectedSavings: savings, Risk: outsourcing.RiskLevelModerate,
//	})
//	fmt.Println(rec.Scope, rec.Location, rec.Rows, rec.Rationale)
//
// # Concurrency
//
// Compiled TCO and SourcingAdvisor values are immutable and safe for
// concurrent use; DefaultSourcingAdvisor compiles the shipped table once
// and shares it. Every other function is pure: it reads its arguments and
// returns new values.
package planning
