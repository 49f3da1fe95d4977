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
//     (ErrCurrencyMismatch), never a silent sum. Output does not depend on
//     shopspring/decimal's package globals.
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
//   - Errors: sentinels (ErrInvalidInput, ErrCurrencyMismatch, ErrRule,
//     ErrLimit, ErrTransition, ErrNotFound, ErrNoConvergence) matched with
//     errors.Is, detail in *FieldError and *RuleError with errors.As.
//
// # Usage
//
//	fee := outsourcing.MustMoney("1000000.00", "USD")
//	atRisk := outsourcing.MustPercent("12").Of(fee).Round(outsourcing.RoundHalfUp) // 120000.00 USD
//
//	rules, err := outsourcing.CompileRules[*Vendor]([]outsourcing.Rule{
//		{ID: "iso27001", Expression: `certified["ISO27001"]`},
//		{ID: "experience", Expression: `years_in_business >= 3`},
//	}, outsourcing.RequireBool())
//	failing, err := rules.Failing(&vendor) // the knock-out reasons
//
// # Concurrency
//
// Money, Percent, Calendar, compiled RuleSet, DecisionTable and Schema
// values are immutable and safe for concurrent use.
package outsourcing
