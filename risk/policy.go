package risk

import (
	"errors"
	"time"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// PolicyEnv is what a treatment rule sees about one risk. Rules are
// boolean expressions (expr language) that must hold for every risk; a
// rule that is false for a risk is a Finding. Names in rules are the
// snake_case tags below, for example
// `level_rank < levels["high"] || (treatment in ["mitigate", "transfer"] && has_contingency)`.
type PolicyEnv struct {
	// ID, Category, Status, Owner, Treatment and Approver are the risk's
	// fields as strings ("" when unset).
	ID        string `expr:"id"`
	Category  string `expr:"category"`
	Status    string `expr:"status"`
	Owner     string `expr:"owner"`
	Treatment string `expr:"treatment"`
	Approver  string `expr:"approver"`
	// Level, LevelRank and Zone describe the inherent rating; ranks are
	// 1-based from the least severe level.
	Level     string `expr:"level"`
	LevelRank int    `expr:"level_rank"`
	Zone      string `expr:"zone"`
	// ResidualLevel, ResidualRank and ResidualZone describe the residual rating.
	ResidualLevel string `expr:"residual_level"`
	ResidualRank  int    `expr:"residual_rank"`
	ResidualZone  string `expr:"residual_zone"`
	// Levels maps every risk level ID of the matrix to its rank.
	Levels map[string]int `expr:"levels"`
	// Controls is the number of controls; ControlEffectiveness their
	// combined effectiveness on likelihood, 0..1.
	Controls             int     `expr:"controls"`
	ControlEffectiveness float64 `expr:"control_effectiveness"`
	// HasContingency reports a contingency plan; HasLoss a loss scenario.
	HasContingency bool `expr:"has_contingency"`
	HasLoss        bool `expr:"has_loss"`
	// ReviewOverdue and DrillOverdue are the schedules at asOf.
	ReviewOverdue bool `expr:"review_overdue"`
	DrillOverdue  bool `expr:"drill_overdue"`
}

// DefaultPolicyRules are treatment policies drawn from Handbook §5.2–§5.3
// and ISO 31000's risk evaluation, in terms of the matrix's appetite and
// tolerance so they suit any matrix. Each rule's Description states the
// problem a Finding reports when the rule is false ("the periodic review
// is overdue"); the rules require:
//   - owner-assigned: every open risk has an owner;
//   - decide-above-appetite: a risk above appetite has a treatment decision;
//   - treat-beyond-tolerance: beyond tolerance the risk is avoided, or it
//     is mitigated or transferred and has a contingency plan;
//   - accept-needs-approver: accepting a risk above appetite needs an approver;
//   - no-accept-beyond-tolerance: a risk beyond tolerance cannot be accepted;
//   - review-on-time: the periodic review is not overdue;
//   - drill-on-time: the contingency plan's drill is not overdue.
func DefaultPolicyRules() []rules.Rule {
	return []rules.Rule{
		{ID: "owner-assigned", Severity: outsourcing.SeverityMedium,
			Description: "the risk is open and has no owner",
			Expression:  `status == "closed" || owner != ""`},
		{ID: "decide-above-appetite", Severity: outsourcing.SeverityMedium,
			Description: "the risk is above appetite and has no treatment decision",
			Expression:  `status == "closed" || zone == "within_appetite" || treatment != ""`},
		{ID: "treat-beyond-tolerance", Severity: outsourcing.SeverityHigh,
			Description: "the risk is beyond tolerance and neither avoided nor mitigated or transferred with a contingency plan",
			Expression:  `status == "closed" || zone != "beyond_tolerance" || treatment == "avoid" || (treatment in ["mitigate", "transfer"] && has_contingency)`},
		{ID: "accept-needs-approver", Severity: outsourcing.SeverityHigh,
			Description: "the risk is accepted above appetite without an approver",
			Expression:  `treatment != "accept" || zone == "within_appetite" || approver != ""`},
		{ID: "no-accept-beyond-tolerance", Severity: outsourcing.SeverityCritical,
			Description: "the risk is accepted beyond tolerance",
			Expression:  `treatment != "accept" || zone != "beyond_tolerance"`},
		{ID: "review-on-time", Severity: outsourcing.SeverityLow,
			Description: "the periodic review is overdue",
			Expression:  `!review_overdue`},
		{ID: "drill-on-time", Severity: outsourcing.SeverityLow,
			Description: "the contingency plan's drill is overdue",
			Expression:  `!drill_overdue`},
	}
}

// Policy is a compiled set of treatment rules over PolicyEnv. It is
// immutable and safe for concurrent use.
type Policy struct {
	rules *rules.Set[PolicyEnv]
	byID  map[string]rules.Rule
}

// NewPolicy compiles rules (boolean expressions over PolicyEnv) with the
// kernel's rule engine. A rule's Description is the text of its Findings:
// phrase it as the problem found when the expression is false ("the
// periodic review is overdue"), not as the policy that holds; opts are passed on, with RequireBool added. Syntax
// and type errors are *outsourcing.RuleError values (rule id, line and
// column) matching outsourcing.ErrRule.
func NewPolicy(list []rules.Rule, opts ...rules.Option) (*Policy, error) {
	rs, err := rules.Compile[PolicyEnv](list, append(opts, rules.RequireBool())...)
	if err != nil {
		return nil, wrap(err)
	}
	p := &Policy{rules: rs, byID: make(map[string]rules.Rule, len(list))}
	for _, r := range rs.Rules() {
		p.byID[r.ID] = r
	}
	return p, nil
}

// Finding is a policy rule that a risk breaks.
type Finding struct {
	// RiskID is the risk; Rule, Description and Severity are the broken
	// rule's, Description stating the problem ("the periodic review is
	// overdue").
	RiskID      string               `json:"risk_id"`
	Rule        string               `json:"rule"`
	Description string               `json:"description,omitempty"`
	Severity    outsourcing.Severity `json:"severity,omitempty"`
}

// Check assesses the register on m at asOf (see Assess) and evaluates
// every rule for every risk, returning the findings in register order,
// then rule order. Register problems are returned as by Assess; a rule
// that fails while evaluated is a *outsourcing.FieldError at the risk
// ("/risks/2") wrapping the *outsourcing.RuleError, so that it matches
// outsourcing.ErrRule.
func (p *Policy) Check(reg Register, m *Matrix, asOf time.Time) ([]Finding, error) {
	f, err := p.check(reg, m, asOf)
	return f, wrap(err)
}

func (p *Policy) check(reg Register, m *Matrix, asOf time.Time) ([]Finding, error) {
	rep, err := assess(reg, m, asOf)
	if err != nil {
		return nil, err
	}
	levels := make(map[string]int, len(m.spec.Levels))
	for i, l := range m.spec.Levels {
		levels[string(l.ID)] = i + 1
	}
	var findings []Finding
	var errs []error
	for i, k := range reg.Risks {
		env := policyEnv(k, rep.Risks[i], levels)
		failing, err := p.rules.Failing(env)
		if err != nil {
			errs = append(errs, &outsourcing.FieldError{Path: jsonptr.Join("risks", i), Reason: err.Error(), Err: err})
			continue
		}
		for _, id := range failing {
			r := p.byID[id]
			findings = append(findings, Finding{RiskID: k.ID, Rule: id, Description: r.Description, Severity: r.Severity})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return findings, nil
}

func policyEnv(k Risk, r RiskReport, levels map[string]int) PolicyEnv {
	res := r.Residual.Evaluation
	return PolicyEnv{
		ID: k.ID, Category: string(k.Category), Status: string(k.Status), Owner: k.Owner,
		Treatment: string(k.Treatment), Approver: k.Approver,
		Level: string(r.Inherent.Level), LevelRank: r.Inherent.Rank, Zone: string(r.Inherent.Zone),
		ResidualLevel: string(res.Level), ResidualRank: res.Rank, ResidualZone: string(res.Zone),
		Levels: levels, Controls: len(k.Controls), ControlEffectiveness: r.Residual.LikelihoodEffectiveness,
		HasContingency: k.Contingency != nil, HasLoss: k.Loss != nil,
		ReviewOverdue: r.Review != nil && r.Review.Status == DueStatusOverdue,
		DrillOverdue:  r.Drill != nil && r.Drill.Status == DueStatusOverdue,
	}
}
