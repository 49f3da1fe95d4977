package contract

import (
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/rules"
)

// ApprovalEnv is what the input expressions of an approval table read:
// the contract as review rules read it (contract.total_value,
// contract.annual_fees…) and the risk level assessed for the contract or
// change.
type ApprovalEnv struct {
	Contract *ReviewEnv `expr:"contract"`
	// Risk is very_low, low, moderate, high or very_high; "" when not
	// assessed.
	Risk string `expr:"risk"`
}

// Output columns of an approval table: every matching row adds the step
// it names.
const (
	// ApprovalOutputStep, a string column, is the step's id.
	ApprovalOutputStep = "step"
	// ApprovalOutputStage, a number column, is the step's stage: 1, 2…
	ApprovalOutputStage = "stage"
	// ApprovalOutputApprovers, a string column, lists the approvers
	// separated by commas.
	ApprovalOutputApprovers = "approvers"
	// ApprovalOutputName, an optional string column, is the step's title;
	// the row's description when absent.
	ApprovalOutputName = "name"
	// ApprovalOutputQuorum, an optional string column, is all or any.
	ApprovalOutputQuorum = "quorum"
)

//go:embed defaults/approval-table.json
var approvalTableJSON []byte

// ApprovalTableDocument returns the JSON text of the shipped approval
// table, to save, edit and load again with rules.ParseTableSpec and
// NewTableRouter. Its rows (RULE ORDER) route by the value over the
// initial term, in the contract's currency, and the assessed risk: legal
// and procurement always, finance from 250,000 and risk management for a
// high or very high risk at stage 1; the CFO from 1,000,000 or for a high
// risk (stage 2); the CEO from 5,000,000 or for a very high risk (stage
// 3); the board from 20,000,000 (stage 4).
func ApprovalTableDocument() []byte { return slices.Clone(approvalTableJSON) }

var defaultTableRouter = sync.OnceValue(func() *TableRouter {
	spec, err := rules.ParseTableSpec(approvalTableJSON)
	if err == nil {
		var r *TableRouter
		if r, err = NewTableRouter(spec); err == nil {
			return r
		}
	}
	panic("contract: the shipped approval table does not compile: " + err.Error())
})

// DefaultTableRouter returns the router of the shipped approval table
// (ApprovalTableDocument), compiled on first use and shared.
func DefaultTableRouter() *TableRouter { return defaultTableRouter() }

// TableRouter routes contracts for approval by a decision table, the
// alternative to a Router's rules: each row tests value bands, risk or
// any other input over ApprovalEnv and adds a step. It is compiled once,
// immutable and safe for concurrent use.
type TableRouter struct {
	table *rules.Table[*ApprovalEnv]
	steps map[string]ApprovalStep // by row id
}

// NewTableRouter compiles an approval table: hit policy COLLECT (without
// aggregation) or RULE ORDER, the output columns step, stage and
// approvers (name and quorum optional). Errors, *outsourcing.FieldError
// values at JSON pointers into the table document: another hit policy
// (/hit_policy), a missing or mistyped column (/outputs), a row whose
// step id is empty, whose stage is not a whole number from 1 to 1000,
// whose approvers are empty or name one twice, or whose quorum is unknown
// (/rules/r/then/o), and those of rules.CompileTable.
func NewTableRouter(spec rules.TableSpec, opts ...rules.Option) (*TableRouter, error) {
	var errs problems
	if !(spec.HitPolicy == rules.HitPolicyRuleOrder || spec.HitPolicy == rules.HitPolicyCollect && spec.Aggregation == "") {
		errs.failf("/hit_policy", "an approval table adds a step for every matching row: hit policy RULE ORDER or COLLECT without aggregation, not %s", spec.HitPolicy)
	}
	col := map[string]int{}
	for o, out := range spec.Outputs {
		col[out.Name] = o
	}
	for _, c := range []struct {
		name     string
		kinds    []rules.ResultKind
		required bool
	}{
		{ApprovalOutputStep, []rules.ResultKind{rules.ResultString}, true},
		{ApprovalOutputStage, []rules.ResultKind{rules.ResultNumber, rules.ResultDecimal}, true},
		{ApprovalOutputApprovers, []rules.ResultKind{rules.ResultString}, true},
		{ApprovalOutputName, []rules.ResultKind{rules.ResultString}, false},
		{ApprovalOutputQuorum, []rules.ResultKind{rules.ResultString}, false},
	} {
		o, ok := col[c.name]
		switch {
		case !ok && c.required:
			errs.failf("/outputs", "an approval table needs the output %q", c.name)
		case ok && !slices.Contains(c.kinds, spec.Outputs[o].Type):
			errs.failf(jsonptr.Join("outputs", o, "type"), "output %q is of type %v, not %s", c.name, c.kinds, spec.Outputs[o].Type)
		}
	}
	if len(errs) > 0 {
		return nil, wrap(joinProblems(errs))
	}
	r := &TableRouter{steps: make(map[string]ApprovalStep, len(spec.Rules))}
	for i, row := range spec.Rules {
		if len(row.Then) != len(spec.Outputs) {
			continue // rules.CompileTable reports it
		}
		s, err := rowStep(i, row, col)
		errs.add(err)
		r.steps[rowIDOf(i, row)] = s
	}
	table, err := rules.CompileTable[*ApprovalEnv](spec, opts...)
	errs.add(err)
	if len(errs) > 0 {
		return nil, wrap(joinProblems(errs))
	}
	r.table = table
	return r, nil
}

// rowIDOf is the id rules.Decision gives row i: its own, or "r" and its
// 1-based position.
func rowIDOf(i int, row rules.TableRow) string {
	if row.ID != "" {
		return row.ID
	}
	return fmt.Sprintf("r%d", i+1)
}

// rowStep reads the step a row adds.
func rowStep(i int, row rules.TableRow, col map[string]int) (ApprovalStep, error) {
	var errs problems
	cell := func(name string) (string, string) {
		o, ok := col[name]
		if !ok {
			return "", ""
		}
		return fmt.Sprint(row.Then[o]), jsonptr.Join("rules", i, "then", o)
	}
	s := ApprovalStep{Quorum: QuorumAll}
	var path string
	if s.ID, path = cell(ApprovalOutputStep); strings.TrimSpace(s.ID) == "" {
		errs.failf(path, "a row names the step it adds")
	}
	stage, path := cell(ApprovalOutputStage)
	d, err := outsourcing.ParseDecimal(stage)
	n, whole := d.Int64()
	if err != nil || !whole || n < 1 || n > 1000 {
		errs.failf(path, "a stage is a whole number from 1 to 1000, not %q", stage)
	}
	s.Stage = int(n)
	approvers, path := cell(ApprovalOutputApprovers)
	for a := range strings.SplitSeq(approvers, ",") {
		if a = strings.TrimSpace(a); a != "" {
			s.Approvers = append(s.Approvers, a)
		}
	}
	if len(s.Approvers) == 0 {
		errs.failf(path, "a step needs at least one approver")
	} else if j := repeatedApprover(s.Approvers); j >= 0 {
		errs.failf(path, "approver %q is named twice", s.Approvers[j])
	}
	if q, path := cell(ApprovalOutputQuorum); q != "" {
		if err := s.Quorum.UnmarshalText([]byte(q)); err != nil {
			errs.failf(path, "unknown quorum %q", q)
		}
	}
	name, _ := cell(ApprovalOutputName)
	s.Name = cmp.Or(name, row.Description)
	return s, joinProblems(errs)
}

// Table returns the specification the router was compiled from.
func (r *TableRouter) Table() rules.TableSpec { return r.table.Spec() }

// Route returns the approval route of c at the assessed risk ("" when
// not assessed): the steps of the matching rows in row order, a step
// named by several rows taken from the first, grouped in stages. Errors:
// a nil or uncompiled contract (at /contract); no matching row (at
// /contract: a contract always needs an approver); an unknown risk level
// (at /risk); an input failing at run time (*outsourcing.RuleError).
func (r *TableRouter) Route(c *Contract, risk outsourcing.RiskLevel) (Route, error) {
	if err := compiled(c, "/contract"); err != nil {
		return Route{}, wrap(err)
	}
	if risk != "" && !risk.Valid() {
		return Route{}, wrap(outsourcing.FieldErrorf("/risk", "unknown risk level %q", risk))
	}
	d, err := r.table.Decide(&ApprovalEnv{Contract: c.Env(), Risk: string(risk)})
	if err != nil {
		return Route{}, wrap(err)
	}
	var steps []ApprovalStep
	for _, row := range d.Rows {
		s := r.steps[row]
		if !slices.ContainsFunc(steps, func(x ApprovalStep) bool { return x.ID == s.ID }) {
			s.Approvers = slices.Clone(s.Approvers)
			steps = append(steps, s)
		}
	}
	route, err := newRoute(c, steps)
	return route, wrap(err)
}
