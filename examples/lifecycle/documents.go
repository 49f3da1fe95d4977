package main

import (
	"embed"
	"errors"
	"os"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/examples/lifecycle/schema"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/risk"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/outsourcing-go/outsourcing/vendors"
)

//go:embed data/*.json
var data embed.FS

// documents are the engagement's input documents, parsed: every one
// valid against its schema.
type documents struct {
	Story          schema.Story
	Objectives     planning.ObjectiveSet
	Capability     planning.CapabilityChecklist
	TCO            planning.TCOModel
	Case           risk.BusinessCaseSpec
	Risks          risk.Register
	Vendors        vendors.PoolSpec
	Screening      rules.SetSpec
	Template       vendors.TemplateSpec
	Evaluation     vendors.EvaluationSpec
	Decision       vendors.DecisionSpec
	Contract       contract.ContractSpec
	ContractReview schema.ContractReview
	Acceptance     contract.AcceptanceRequest
	Transition     []contract.Completion
	Events         sla.Input
	Change         contract.ChangeRequest
	Dispute        contract.Dispute
	Terms          termination.TermsSpec
	Context        termination.ContextSpec
	Settlement     termination.SettlementSpec
	Final          vendors.FinalInput
	ReviewInput    schema.Review

	// names holds each document's name for messages, by flag: the
	// user's file or the embedded sample.
	names map[string]string
}

// document is one input: its flag (and embedded file data/<flag>.json),
// what it is, and how it is parsed into documents.
type document struct {
	flag, usage string
	parse       func(d *documents, doc []byte) error
	// fallback, when set, supplies the document when there is no flag and
	// no embedded sample.
	fallback func() []byte
}

// documentList lists the inputs in the order the handbook uses them.
func documentList() []document {
	return []document{
		{flag: "story", usage: "the story's days (planning, screening, evaluation, risk review) and the service's criticality",
			parse: func(d *documents, b []byte) (err error) { d.Story, err = schema.ParseStory(b); return }},
		{flag: "objectives", usage: "SMART objectives with measurements (planning)",
			parse: func(d *documents, b []byte) (err error) { d.Objectives, err = planning.ParseObjectiveSet(b); return }},
		{flag: "capability", usage: "capability self-assessment (planning)",
			parse: func(d *documents, b []byte) (err error) {
				d.Capability, err = planning.ParseCapabilityChecklist(b)
				return
			}},
		{flag: "tco", usage: "total-cost-of-ownership model (planning)",
			parse: func(d *documents, b []byte) (err error) { d.TCO, err = planning.ParseTCOModel(b); return }},
		{flag: "business-case", usage: "uncertain inputs and risks of the TCO model (risk)",
			parse: func(d *documents, b []byte) (err error) { d.Case, err = risk.ParseBusinessCase(b); return }},
		{flag: "risks", usage: "risk register (risk)",
			parse: func(d *documents, b []byte) (err error) { d.Risks, err = risk.ParseRegister(b); return }},
		{flag: "vendors", usage: "vendor pool (vendors)",
			parse: func(d *documents, b []byte) (err error) { d.Vendors, err = vendors.ParsePool(b); return }},
		{flag: "screening", usage: "knock-out rules (rules)",
			parse: func(d *documents, b []byte) (err error) { d.Screening, err = rules.ParseSet(b); return }},
		{flag: "template", usage: "evaluation template (vendors; default: the shipped seven dimensions)",
			parse:    func(d *documents, b []byte) (err error) { d.Template, err = vendors.ParseTemplate(b); return },
			fallback: vendors.DefaultTemplateJSON},
		{flag: "evaluation", usage: "the panel's scores and the bids (vendors)",
			parse: func(d *documents, b []byte) (err error) { d.Evaluation, err = vendors.ParseEvaluation(b); return }},
		{flag: "decision", usage: "the selection committee's decision (vendors)",
			parse: func(d *documents, b []byte) (err error) { d.Decision, err = vendors.ParseDecision(b); return }},
		{flag: "contract", usage: "contract with its SLA schedule (contract)",
			parse: func(d *documents, b []byte) (err error) { d.Contract, err = contract.ParseContract(b); return }},
		{flag: "contract-review", usage: "contract policy and the departments' verdicts on the draft (contract)",
			parse: func(d *documents, b []byte) (err error) {
				d.ContractReview, err = schema.ParseContractReview(b)
				return
			}},
		{flag: "acceptance", usage: "transition acceptance request (contract)",
			parse: func(d *documents, b []byte) (err error) {
				d.Acceptance, err = contract.ParseAcceptanceRequest(b)
				return
			}},
		{flag: "transition", usage: "transition items completed (contract)",
			parse: func(d *documents, b []byte) (err error) { d.Transition, err = contract.ParseCompletions(b); return }},
		{flag: "events", usage: "a year of outages and tickets with the monthly fee (sla)",
			parse: func(d *documents, b []byte) (err error) { d.Events, err = sla.ParseInput(b); return }},
		{flag: "change", usage: "change request (contract)",
			parse: func(d *documents, b []byte) (err error) { d.Change, err = contract.ParseChangeRequest(b); return }},
		{flag: "dispute", usage: "dispute on the escalation ladder (contract)",
			parse: func(d *documents, b []byte) (err error) { d.Dispute, err = contract.ParseDispute(b); return }},
		{flag: "terms", usage: "termination and exit schedule (termination)",
			parse: func(d *documents, b []byte) (err error) { d.Terms, err = termination.ParseTerms(b); return }},
		{flag: "context", usage: "termination context: day, notices, provider status (termination)",
			parse: func(d *documents, b []byte) (err error) { d.Context, err = termination.ParseContext(b); return }},
		{flag: "settlement", usage: "settlement input: effective date, ground, damages (termination)",
			parse: func(d *documents, b []byte) (err error) { d.Settlement, err = termination.ParseSettlement(b); return }},
		{flag: "final", usage: "final vendor evaluation input (vendors)",
			parse: func(d *documents, b []byte) (err error) { d.Final, err = vendors.ParseFinalInput(b); return }},
		{flag: "review", usage: "post-exit review: day, actual cost, lessons",
			parse: func(d *documents, b []byte) (err error) { d.ReviewInput, err = schema.ParseReview(b); return }},
	}
}

// readDocuments reads and parses every document: the file a flag names,
// else the embedded sample. It returns every problem of every document
// together, each a *docError.
func readDocuments(paths map[string]*string) (*documents, error) {
	d := &documents{names: map[string]string{}}
	var errs []error
	for _, doc := range documentList() {
		name, raw, err := source(doc, *paths[doc.flag])
		d.names[doc.flag] = name
		if err == nil {
			err = doc.parse(d, raw)
		}
		if err != nil {
			errs = append(errs, &docError{name: name, err: err})
		}
	}
	return d, errors.Join(errs...)
}

// source returns a document's name and text.
func source(doc document, path string) (string, []byte, error) {
	if path != "" {
		b, err := os.ReadFile(path)
		return path, b, err
	}
	if doc.fallback != nil {
		return "shipped " + doc.flag, doc.fallback(), nil
	}
	name := "data/" + doc.flag + ".json"
	b, err := data.ReadFile(name)
	return name + " (embedded)", b, err
}

// in attributes an error of a later step to the document it concerns.
func (d *documents) in(flag string, err error) error {
	if err == nil {
		return nil
	}
	return &docError{name: d.names[flag], err: err}
}
