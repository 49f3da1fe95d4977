// Package termination ends an IT-services outsourcing engagement as the
// IT Services Outsourcing Management Handbook describes it:
//
//   - §7.1 termination conditions: shipped, editable trigger rules
//     (DefaultTriggers, DefaultTriggersJSON, CompileTriggers) over a typed
//     TriggerEnv — expiry without renewal, material breach not cured,
//     repeated SLA failure (package sla's rolling breach signals and the
//     months with credits at the cap), force majeure beyond the agreed
//     days, insolvency or change of control, strategic change or
//     convenience — each firing trigger with its evidence and the
//     contract's notice requirements (cure end, earliest effective date)
//     computed with package contract's date arithmetic;
//   - §7.2 the termination plan: Terms.ExitPlan builds the assistance
//     period, the responsibilities of both sides, the handover list,
//     the return or destruction of data with its certificate and the
//     surviving obligations with their end dates, and the exit phases, a
//     typed state machine (Next, ExitPlan.Progress); Terms.Settle the final
//     fee settlement, a Ledger whose lines sum exactly: pro-rata fees under
//     a named day-count convention (DayCount, by its ISDA 2006 name),
//     termination-assistance charges, early-termination charges (a
//     declining schedule, a percentage of the remaining commitment, or the
//     unrecovered investment of an amortisation schedule built with
//     package finance), unapplied SLA credits, refunds, damages, withheld
//     and disputed amounts, each line with its clause;
//   - §7.3 handover: an Inventory with each item's transfer status and
//     acceptance sign-off, and the split of responsibility it implies;
//   - §7.4 and §8.1 the post-exit review: objectives attained against
//     plan (package planning), SLA attainment over the contract's life,
//     actual cost against the TCO business case, the final vendor
//     evaluation (package vendors) and lessons learned.
//
// The exit follows the exit management schedule of the UK Model Services
// Contract (Cabinet Office, Schedule 8.5: exit plan, termination
// assistance period, exit information), the exit strategies of the EBA
// Guidelines on outsourcing arrangements (EBA/GL/2019/02, sections 13.4
// and 15), DORA's termination rights and exit strategies (Regulation (EU)
// 2022/2554, Art. 28(7)-(8), 30(3)(f)); the exit phases are the
// package's own, mapped onto ISO 37500:2014's outsourcing life cycle
// (see Phase).
//
// # Usage
//
// An ERP integration compiles the contract and its termination and exit
// schedule once:
//
//	c, err := contract.CompileContract(contractSpec)
//	spec, err := termination.ParseTerms(doc)        // the exit schedule
//	terms, err := termination.CompileTerms(spec, c) // clauses, parties, currencies
//	ctx, err := termination.ParseContext(situation) // notices, SLA reports, vendor
//	a, err := termination.DefaultTriggers().Evaluate(terms, ctx)
//	t, ok := a.EarliestPermitted()                  // the right that ends the contract soonest
//	plan, err := terms.ExitPlan(ctx.AsOf, t.EarliestEffective)
//	in, err := termination.ParseSettlement(settlementDoc)
//	ledger, err := terms.Settle(in)
//	inv, err := plan.Inventory().Record(termination.Transfer{Item: "cmdb", Status: termination.TransferDelivered, On: d, By: "provider"})
//	progress, err := plan.Progress(asOf, events)
//	rspec, err := termination.ParseReview(reviewDoc)   // objectives, reports, costs, vendor
//	review, err := terms.Review(rspec)
//
// # Errors and concurrency
//
// Documents are validated against TermsSchema, ContextSchema,
// SettlementSchema and ReviewSchema; every problem is an *outsourcing.FieldError at the
// JSON pointer of the offending value, prefixed "termination: " once,
// matching outsourcing.ErrInvalidInput, ErrNotFound, ErrCurrencyMismatch,
// ErrTransition or ErrRule. A refused operation changes nothing. *Terms
// and *Triggers are immutable and safe for concurrent use; ExitPlan,
// Inventory and Ledger are values owned by the caller. No function reads
// the clock: days come in as arguments.
package termination
