package contract

import (
	"cmp"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/rules"
)

// Quorum says how many of a step's approvers must approve.
type Quorum string

// Quorums.
const (
	// QuorumAll: every approver must approve; one rejection rejects.
	QuorumAll Quorum = "all"
	// QuorumAny: the first approver to decide decides the step.
	QuorumAny Quorum = "any"
)

var quorums = []Quorum{QuorumAll, QuorumAny}

// String returns the quorum's name.
func (q Quorum) String() string { return string(q) }

// MarshalText implements encoding.TextMarshaler.
func (q Quorum) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(q, "quorum", quorums) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown quorums.
func (q *Quorum) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(q, b, "quorum", quorums)
}

// ApprovalStep is one step of an approval routing policy (Handbook §3.2).
// Steps of the same Stage run in parallel; stages run one after the
// other in increasing order. A step with a When condition joins the
// route only for contracts that meet it: `total_value > 1000000` adds
// the CFO to large contracts.
type ApprovalStep struct {
	// ID names the step; unique.
	ID string `json:"id"`
	// Name is a readable title ("Chief Financial Officer").
	Name string `json:"name,omitempty"`
	// Stage orders the steps: 1 first; equal stages run in parallel.
	Stage int `json:"stage"`
	// Approvers are who may decide the step (people or role ids).
	Approvers []string `json:"approvers"`
	// Quorum is all (the default) or any.
	Quorum Quorum `json:"quorum,omitempty"`
	// When is a condition over ReviewEnv; "" means always.
	When string `json:"when,omitempty"`
}

// Router routes contracts for approval. It is immutable and safe for
// concurrent use.
type Router struct {
	steps []ApprovalStep
	when  *rules.Set[*ReviewEnv]
}

// NewRouter compiles an approval routing policy. Errors (a
// *outsourcing.FieldError at /i/...): a missing or repeated id, a stage
// below 1, a step without approvers or naming one twice (a step whose
// quorum is all could never be approved: each approver decides once), an
// unknown quorum, a condition that does not compile or is not boolean
// (matching ErrRule).
func NewRouter(steps []ApprovalStep, opts ...rules.Option) (*Router, error) {
	r := &Router{steps: slices.Clone(steps)}
	var errs problems
	var conds []rules.Rule
	seen := map[string]bool{}
	for i, s := range r.steps {
		base := jsonptr.Join(i)
		switch {
		case s.ID == "" || seen[s.ID]:
			errs.failf(jsonptr.Append(base, "id"), "a step needs an id of its own, not %q", s.ID)
		case s.Stage < 1:
			errs.failf(jsonptr.Append(base, "stage"), "stages count from 1, not %d", s.Stage)
		case len(s.Approvers) == 0:
			errs.failf(jsonptr.Append(base, "approvers"), "a step needs at least one approver")
		case repeatedApprover(s.Approvers) >= 0:
			j := repeatedApprover(s.Approvers)
			errs.failf(jsonptr.Append(base, "approvers", j), "approver %q is named twice", s.Approvers[j])
		case s.Quorum != "" && !slices.Contains(quorums, s.Quorum):
			errs.failf(jsonptr.Append(base, "quorum"), "unknown quorum %q", s.Quorum)
		}
		seen[s.ID] = true
		r.steps[i].Approvers = slices.Clone(s.Approvers)
		r.steps[i].Quorum = cmp.Or(s.Quorum, QuorumAll)
		if s.When != "" {
			conds = append(conds, rules.Rule{ID: s.ID, Expression: s.When})
		}
	}
	if len(errs) > 0 {
		return nil, wrap(joinProblems(errs))
	}
	set, err := rules.Compile[*ReviewEnv](conds, append(slices.Clone(opts), rules.RequireBool())...)
	if err != nil {
		return nil, wrap(ruleProblems(err, func(id string) string {
			if i := slices.IndexFunc(r.steps, func(s ApprovalStep) bool { return s.ID == id }); i >= 0 {
				return jsonptr.Join(i, "when")
			}
			return ""
		}))
	}
	r.when = set
	return r, nil
}

// Route returns the approval route of c: the steps whose condition holds,
// grouped in stages. Errors: a nil or uncompiled contract
// (ErrInvalidInput); no step whose condition holds (ErrInvalidInput at
// /contract: a contract always needs an approver); a condition failing
// at run time (*outsourcing.RuleError).
func (r *Router) Route(c *Contract) (Route, error) {
	if err := compiled(c, "/contract"); err != nil {
		return Route{}, wrap(err)
	}
	env := c.Env()
	var steps []ApprovalStep
	for _, s := range r.steps {
		if s.When != "" {
			ok, err := r.when.Bool(s.ID, env)
			if err != nil {
				return Route{}, wrap(err)
			}
			if !ok {
				continue
			}
		}
		s.Approvers = slices.Clone(s.Approvers)
		steps = append(steps, s)
	}
	route, err := newRoute(c, steps)
	return route, wrap(err)
}

// repeatedApprover returns the index of the first approver named earlier
// in approvers, or −1.
func repeatedApprover(approvers []string) int {
	for i, a := range approvers {
		if slices.Contains(approvers[:i], a) {
			return i
		}
	}
	return -1
}

// newRoute is the route of c through steps, ordered by stage (steps of
// one stage in the order given). No step is an error: a contract approved
// by nobody would pass the workflow with no decision at all.
func newRoute(c *Contract, steps []ApprovalStep) (Route, error) {
	if len(steps) == 0 {
		return Route{}, outsourcing.FieldErrorf("/contract",
			"no approval step applies to %s version %d: every contract needs at least one approver (give the router a step without a condition)",
			c.spec.ID, c.spec.Version)
	}
	slices.SortStableFunc(steps, func(a, b ApprovalStep) int { return a.Stage - b.Stage })
	return Route{Contract: c.spec.ID, Version: c.spec.Version, Steps: steps}, nil
}

// Route is the approval route of one contract version.
type Route struct {
	// Contract and Version identify the contract routed.
	Contract string `json:"contract"`
	Version  int    `json:"version"`
	// Steps are the steps on the route, by stage.
	Steps []ApprovalStep `json:"steps"`
}

// Decision is an approver's verdict on a step.
type Decision struct {
	// Step is the id of the step decided.
	Step string `json:"step"`
	// Approver is who decided; one of the step's approvers.
	Approver string `json:"approver"`
	// Verdict is approve, approve_with_conditions or reject.
	Verdict Verdict `json:"verdict"`
	// At is when; not before the workflow's previous decision.
	At time.Time `json:"at"`
	// Comment says why (optional).
	Comment string `json:"comment,omitempty"`
}

// ApprovalStatus is where an approval workflow stands.
type ApprovalStatus string

// Approval statuses.
const (
	ApprovalStatusPending  ApprovalStatus = "pending"
	ApprovalStatusApproved ApprovalStatus = "approved"
	ApprovalStatusRejected ApprovalStatus = "rejected"
)

// Workflow records decisions along a route. It is an immutable value:
// Decide returns a new Workflow and leaves the receiver unchanged.
type Workflow struct {
	route     Route
	decisions []Decision
}

// NewWorkflow starts a workflow on a route, with no decisions.
func NewWorkflow(route Route) Workflow {
	route.Steps = slices.Clone(route.Steps)
	return Workflow{route: route}
}

// Route returns the workflow's route.
func (w Workflow) Route() Route {
	r := w.route
	r.Steps = slices.Clone(r.Steps)
	return r
}

// Decisions returns the decisions in the order they were made.
func (w Workflow) Decisions() []Decision { return slices.Clone(w.decisions) }

// stepStatus returns the status of one step.
func (w Workflow) stepStatus(s ApprovalStep) ApprovalStatus {
	approvals := 0
	for _, d := range w.decisions {
		if d.Step != s.ID {
			continue
		}
		if !d.Verdict.Approves() {
			return ApprovalStatusRejected
		}
		approvals++
	}
	if approvals > 0 && (s.Quorum == QuorumAny || approvals == len(s.Approvers)) {
		return ApprovalStatusApproved
	}
	return ApprovalStatusPending
}

// Status returns rejected when a step was rejected, approved when every
// step is approved (a route without steps is approved), else pending.
func (w Workflow) Status() ApprovalStatus {
	status := ApprovalStatusApproved
	for _, s := range w.route.Steps {
		switch w.stepStatus(s) {
		case ApprovalStatusRejected:
			return ApprovalStatusRejected
		case ApprovalStatusPending:
			status = ApprovalStatusPending
		}
	}
	return status
}

// openStage returns the first stage with a pending step; 0 when none.
func (w Workflow) openStage() int {
	for _, s := range w.route.Steps {
		if w.stepStatus(s) == ApprovalStatusPending {
			return s.Stage
		}
	}
	return 0
}

// Open returns the ids of the steps awaiting decisions now: the pending
// steps of the earliest stage not yet approved; none once the workflow
// is approved or rejected.
func (w Workflow) Open() []string {
	if w.Status() != ApprovalStatusPending {
		return nil
	}
	stage := w.openStage()
	var out []string
	for _, s := range w.route.Steps {
		if s.Stage == stage && w.stepStatus(s) == ApprovalStatusPending {
			out = append(out, s.ID)
		}
	}
	return out
}

// Decide records a decision and returns the new workflow; the receiver
// is unchanged. Errors (a *outsourcing.FieldError at the decision's
// field): an unknown step (ErrNotFound at /step), a step not open yet or
// already decided, or a workflow already approved or rejected
// (ErrTransition), an approver not on the step or deciding twice, a
// verdict unknown, a time missing or before the previous decision
// (ErrInvalidInput).
func (w Workflow) Decide(d Decision) (Workflow, error) {
	if err := w.check(d); err != nil {
		return w, wrap(err)
	}
	next := Workflow{route: w.route, decisions: append(slices.Clone(w.decisions), d)}
	return next, nil
}

func (w Workflow) check(d Decision) error {
	i := slices.IndexFunc(w.route.Steps, func(s ApprovalStep) bool { return s.ID == d.Step })
	if i < 0 {
		return notFoundf("/step", "no step %q on the route", d.Step)
	}
	s := w.route.Steps[i]
	switch {
	case w.Status() != ApprovalStatusPending:
		return transitionf("/step", "the approval is already %s", w.Status())
	case !slices.Contains(w.Open(), s.ID):
		return transitionf("/step", "step %q is not open: stage %d waits for stage %d", s.ID, s.Stage, w.openStage())
	case !slices.Contains(s.Approvers, d.Approver):
		return outsourcing.FieldErrorf("/approver", "%q is not an approver of step %q", d.Approver, s.ID)
	case slices.ContainsFunc(w.decisions, func(x Decision) bool { return x.Step == d.Step && x.Approver == d.Approver }):
		return outsourcing.FieldErrorf("/approver", "%q has already decided step %q", d.Approver, s.ID)
	case !slices.Contains(verdicts, d.Verdict):
		return outsourcing.FieldErrorf("/verdict", "unknown verdict %q", d.Verdict)
	case d.At.IsZero():
		return outsourcing.FieldErrorf("/at", "a decision needs the time it was made")
	case len(w.decisions) > 0 && d.At.Before(w.decisions[len(w.decisions)-1].At):
		return outsourcing.FieldErrorf("/at", "%s is before the previous decision", d.At.Format(time.RFC3339))
	}
	return nil
}
