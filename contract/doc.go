// Package contract manages an IT-services outsourcing contract from the
// first draft to its end: the model and its review, approval and
// signature, the lifecycle with its audit trail, formal changes with
// supplementary agreements, and fulfilment (obligations, payments,
// invoices, SLA credits, renewal and notice), the transition plan and the
// escalation ladder.
//
// It serves the IT Services Outsourcing Management Handbook:
//   - §3.1 drafting: the core clauses (scope, term, service standards,
//     price and payment, rights and obligations, IP, confidentiality, SLA,
//     acceptance, liability, force majeure, change and termination,
//     dispute resolution), quantified SLAs with a measurement method and a
//     penalty (the SLA schedule embeds an sla agreement document), risk
//     sharing and liability caps;
//   - §3.2 review and signing: rule-based review with findings by
//     severity, departmental reviews (legal, finance, IT, business),
//     approval routing by rules or by an editable decision table (value
//     bands × risk) in sequential and parallel stages, and
//     signature by authorised representatives only;
//   - §3.3 performance monitoring: the contract record (versions,
//     supplementary agreements, an append-only audit trail), obligations
//     due and overdue, the payment schedule, invoice checks and SLA
//     credits, formal change management;
//   - §4.1 transition: milestones, RACI, knowledge transfer, handover of
//     hardware, licences and data, risks, progress and acceptance against
//     the contract's criteria, each signed off by the customer roles it
//     names (a signatory's title or roles: "service owner", "IT
//     security"), several where it names several;
//   - §4.2 change management (necessity, impact, risk, approval before
//     implementation) and the communication cadence of governance;
//   - §6.3 conflict management: a formal escalation and appeal ladder with
//     a time limit per step.
//
// # Usage
//
// An ERP integration reads the contract document, compiles it once and
// keeps the *Contract:
//
//	spec, err := contract.ParseContract(doc)  // schema, strict decoding
//	c, err := contract.CompileContract(spec)  // dates, currencies, references, SLA schedule
//	reviewer, err := contract.NewReviewer(contract.ReviewPolicy{MaxPaymentDays: 60})
//	review, err := reviewer.Review(c)         // findings by severity
//	router, err := contract.NewRouter(steps)  // approval routing rules
//	route, err := router.Route(c)             // or by decision table, value bands × risk:
//	route, err = contract.DefaultTableRouter().Route(c, outsourcing.RiskLevelHigh)
//	flow := contract.NewWorkflow(route)       // record decisions stage by stage
//	flow, err = flow.Decide(contract.Decision{Step: "legal", Approver: "counsel", Verdict: contract.VerdictApprove, At: t})
//	rec, err := contract.NewRecord(c, "j.doe", t)  // lifecycle, versions, audit trail
//	rec, err = rec.Apply(contract.Event{Kind: contract.EventSubmit, Actor: "j.doe", At: t})
//	rec, err = rec.Approve(flow, contract.Event{Actor: "j.doe", At: t})  // only once flow approved this version
//	rec, err = rec.Apply(contract.Event{Kind: contract.EventSign, Actor: "j.doe", At: t, Signatures: sigs})
//	a, err := rec.Current().AssessChange(cr)  // necessity, impact, risk; the proposed version and its diff
//	rec, err = rec.Amend(cr, changeFlow, contract.Event{Actor: "j.doe", At: t, Signatures: sigs})
//
// Every document a caller sends has a schema and a Parse function:
// ParseContract, ParseChangeRequest, ParseInvoice, ParseDispute,
// ParseAcceptanceRequest, ParseCompletions and ParseFulfilments.
//
// Fulfilment reads the compiled contract: Contract.Obligations,
// Contract.PaymentSchedule, Contract.CheckInvoice, Contract.ApplyCredits
// (with sla.Report values from Contract.Agreement), Contract.Renewal,
// Contract.Meetings, Contract.TransitionProgress, Contract.Accept and
// Contract.Escalation.
//
// # Dates
//
// Contract dates are calendar dates (Date) without a time of day. Month
// arithmetic clamps to the end of the month, as Excel's EDATE and Java's
// LocalDate.plusMonths do: three months before 31 May is 28 February
// (29 in a leap year), where time.Time.AddDate would roll over into
// March. Recurring dates count from their original anchor, so a monthly
// date anchored on 31 January falls on 28 February, 31 March, 30 April,
// never drifting to the 28th. Where a range of dates is given, its End
// is the last day of the range and inclusive (a term from 2026-01-01 to
// 2028-12-31 runs three whole years); every type says so. A contract
// names no time zone, so the day of an instant (a signature, a sign-off,
// an event) is its date in the offset written in the instant itself
// (DateOf); convert with time.Time.In first to count days in a zone.
//
// # Errors and concurrency
//
// Bad input is a *outsourcing.FieldError whose Path is the JSON pointer
// of the offending value in the caller's document or value, matching
// outsourcing.ErrInvalidInput, ErrCurrencyMismatch, ErrTransition or
// ErrNotFound; several problems are joined. A refused operation changes
// nothing. A *Contract, *Reviewer, *Router, *TableRouter, Workflow and
// *Record are immutable: operations return new values, and all are safe
// for concurrent use.
package contract
