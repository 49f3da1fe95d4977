// Package outsourcing is the kernel of an SDK for managing IT-services
// outsourcing as the IT Services Outsourcing Management Handbook
// describes it: deciding whether to outsource, choosing a vendor,
// contracting, measuring service levels, managing risk and ending an
// engagement. It is pure: no files, network, environment, clock or global
// random source; time and randomness come in as arguments, so every
// result is reproducible and auditable.
//
// # The life cycle and where each part lives
//
//	Handbook chapter                         package
//	§1 planning: objectives, TCO, strategy    outsourcing (this package)
//	§2 vendor selection and evaluation        scoring, vendors
//	§3 contract management                    contract, sla
//	§4 service delivery and performance       sla
//	§5 risk management                        risk
//	§6 relationship management, incentives    sla (bonuses), vendors
//	§7 termination and knowledge transfer     termination
//	§8 continuous improvement                 sla (raised levels), vendors
//
// # The kernel
//
// Every domain package builds on what this package provides:
//
//   - Money: an exact decimal amount in an ISO 4217 currency, with explicit
//     rounding modes (RoundHalfUp, RoundHalfEven, RoundDown, RoundUp),
//     largest-remainder allocation that always sums to the whole, and
//     Percent for contract percentages. Mixing currencies is an error
//     (ErrCurrencyMismatch), never a silent sum. Decimal carries the other
//     decimal fields of documents and results; computed results drop
//     trailing fractional zeros (TrimDecimal). Neither JSON nor text output
//     depends on shopspring/decimal's package globals, including the
//     decimal outputs of decisions and the values in rule explanations.
//   - Rules: RuleSet compiles named expr expressions once against a typed
//     environment and evaluates them many times, concurrently, with exact
//     decimal and Money arithmetic, a budget on work and memory for
//     untrusted rules, explanations for audit trails and the list of
//     inputs each rule reads.
//   - Decision tables: DecisionTable brings DMN hit policies and cell
//     tests to configurable defaults that users edit as JSON.
//   - Calendars: business hours, holidays and time zones for measuring
//     service times.
//   - Schemas: every JSON document the SDK reads has a JSON Schema
//     (draft 2020-12), listed by Schemas(); Parse functions validate, then
//     decode exactly, and report problems by JSON pointer.
//   - Identifiers: StableID derives reproducible name-based UUIDs for audit
//     records; RandomID draws one from a source the caller supplies.
//   - Errors: sentinels (ErrInvalidInput, ErrCurrencyMismatch, ErrRule,
//     ErrLimit, ErrTransition, ErrNotFound, ErrNoConvergence) matched with
//     errors.Is, detail in *FieldError and *RuleError with errors.As.
//
// # Usage
//
//	fee := outsourcing.MustMoney("1000000.00", "USD")
//	atRisk := outsourcing.MustPercent("12").Of(fee).Round(outsourcing.RoundHalfUp) // 120000.00 USD
//
//	rules, err := rules.Compile[*Vendor]([]rules.Rule{
//		{ID: "iso27001", Expression: `certified["ISO27001"]`},
//		{ID: "experience", Expression: `years_in_business >= 3`},
//	}, rules.RequireBool())
//	failing, err := rules.Failing(&vendor) // the knock-out reasons
//
// # Planning (Handbook §1)
//
// §1.1 needs and objectives: Objective is a SMART objective (metric, owner,
// baseline, target, direction, start, deadline); Validate rejects one that
// is not specific, measurable and time-bound, and Progress gives its
// attainment, expected share and a least-squares forecast at asOf.
// ObjectiveSet (ParseObjectiveSet) holds objectives with their measurements.
//
// §1.2 feasibility: the financial functions NPV, XNPV, IRR, XIRR, MIRR, PMT,
// PV and FV follow Excel (NPV discounts the first value one period; XNPV and
// XIRR count actual days / 365 from the first date; IRR and XIRR take a
// guess, return the rate nearest it when the flows have several, and fail
// with ErrNoConvergence or ErrNoSignChange rather than guess).
// A TCOModel (ParseTCOModel, CompileTCO) compares sourcing options over
// months or years with cost lines by category (fees, staff, infrastructure,
// licences, retained organisation as a percentage, transition, severance,
// knowledge transfer, risk contingency, exit), each with its own timing and
// capped escalation; Evaluate gives cash flows, nominal and discounted
// totals, savings, NPV, IRR, paybacks and break-even period against the
// baseline; Tornado and BreakEven show which inputs matter and where the
// switch stops paying. AssessCapability turns a weighted checklist
// (DefaultCapabilityChecklist: project, contract, supplier-relationship
// management...; or a document read with ParseCapabilityChecklist) into a
// ReadinessLevel with its gaps.
//
// §1.3 strategy: DefaultSourcingAdvisor recommends a sourcing scope (in
// house, selective, partial, total) and location (onshore, nearshore,
// offshore) from criticality, capability, expected savings and risk with a
// shipped decision table whose rows cite the sourcing literature; edit
// SourcingTableDocument and compile it with NewSourcingAdvisor to use your
// own. Budget (ParseBudget) tracks spending by phase against plan with a
// tolerance band; Timeline (ParseTimeline) reports milestone slippage at
// asOf.
//
//	tco, err := outsourcing.ParseTCOModel(doc)           // in-house vs offers
//	tc, err := outsourcing.CompileTCO(tco)
//	res := tc.Evaluate()
//	tornado, err := tc.Tornado("nearshore", outsourcing.MustPercent("10"))
//	maxFee, err := tc.BreakEven("nearshore", "nearshore/fees")
//	savings, err := res.SavingsPercent("nearshore")
//	capability, err := outsourcing.AssessCapability(checklist)
//	rec, err := outsourcing.DefaultSourcingAdvisor().Recommend(outsourcing.SourcingInputs{
//		Criticality: outsourcing.CriticalityLow, Capability: capability.Level,
//		ExpectedSavings: savings, Risk: outsourcing.RiskLevelModerate,
//	})
//	fmt.Println(rec.Scope, rec.Location, rec.Rows, rec.Rationale)
//
// # Concurrency
//
// Money, Percent, Decimal, Calendar, compiled RuleSet, DecisionTable,
// Schema, TCO and SourcingAdvisor values are immutable and safe for
// concurrent use.
package outsourcing
