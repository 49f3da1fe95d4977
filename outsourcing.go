// Package outsourcing is the kernel of an SDK for managing IT-services
// outsourcing as the IT Services Outsourcing Management Handbook
// describes it: deciding whether to outsource, choosing a vendor,
// contracting, measuring service levels, managing risk and ending an
// engagement. It is pure: no files, network, environment, clock or global
// random source; time and randomness come in as arguments, so every
// result is reproducible and auditable.
//
// # The SDK by handbook chapter
//
//	Handbook chapter                              package
//	§1 planning: needs, objectives, feasibility,  planning (TCO, objectives, capability,
//	   strategy, budget, timeline                 sourcing advisor, budget, timeline),
//	                                              finance (NPV, IRR, XIRR, PMT…)
//	§2 vendor selection and evaluation            scoring (MCDA), vendors
//	§3 contract management                        contract, sla (the SLA schedule)
//	§4 transition, delivery, performance          contract (transition), sla
//	§5 risk management                            risk
//	§6 relationship management, incentives        sla (bonuses), vendors
//	§7 termination and knowledge transfer         termination
//	§8 continuous improvement                     sla (raised levels), vendors
//	configurable checks in every chapter          rules (expressions, decision tables)
//
// # The kernel
//
// Every package builds on what this package provides:
//
//   - Decimal: the one decimal type of the API, exact, printed in plain
//     notation with the digits it carries whatever shopspring/decimal's
//     package globals say; division (Quo) rounds only as the caller says.
//   - Money: an exact amount in an ISO 4217 currency, with explicit
//     rounding modes (RoundHalfUp, RoundHalfEven, RoundDown, RoundUp),
//     largest-remainder allocation that always sums to the whole, and
//     Percent for contract percentages. Mixing currencies is an error
//     (ErrCurrencyMismatch), never a silent sum. Money{} means "no
//     amount": it marshals to null and adds as zero.
//   - Calendars: business hours, holidays and time zones for measuring
//     service times. Zone names are resolved by Go's time.LoadLocation,
//     which reads the host's time-zone database (or the copy a program
//     embeds by importing time/tzdata); NewCalendar takes a *time.Location
//     for callers who resolve zones themselves.
//   - Schemas: every JSON document the SDK reads has a JSON Schema
//     (draft 2020-12), listed by Schemas(); Parse functions validate, then
//     decode exactly with unknown properties rejected.
//   - Identifiers: StableID derives reproducible name-based UUIDs for audit
//     records; RandomID draws one from a source the caller supplies.
//   - Errors: sentinels (ErrInvalidInput, ErrCurrencyMismatch, ErrRule,
//     ErrLimit, ErrTransition, ErrNotFound, ErrNoConvergence) matched with
//     errors.Is; detail in *FieldError (an RFC 6901 JSON pointer into the
//     caller's document or value), *SyntaxError (line, column and offset
//     of malformed JSON) and *RuleError, reached with errors.As;
//     FieldErrors lists every located problem of an error.
//   - Shared vocabularies: Severity and RiskLevel (NIST SP 800-30's five
//     levels), and ParseEnum, MarshalEnum and UnmarshalEnum for typed
//     string enums.
//
// # Usage
//
//	fee := outsourcing.MustMoney("1000000.00", "USD")
//	atRisk := outsourcing.MustPercent("12").Of(fee).Round(outsourcing.RoundHalfUp) // 120000.00 USD
//	parts, err := outsourcing.MustMoney("100.00", "EUR").Split(3)                   // 33.34, 33.33, 33.33
//	third, err := outsourcing.MustDecimal("100").Quo(outsourcing.DecimalFromInt(3), 4, outsourcing.RoundHalfEven)
//	for _, fe := range outsourcing.FieldErrors(err) {
//		fmt.Println(fe.Path, fe.Reason) // "/levels/0/minimum: must be at most 100"
//	}
//
// # Concurrency
//
// Decimal, Money, Percent, Calendar and Schema values are immutable and
// safe for concurrent use.
package outsourcing
