package scoring

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Knockouts are mandatory criteria (Handbook §2.1 initial screening):
// boolean kernel rules every alternative must satisfy to be scored. They
// are compiled once against the environment type E and are immutable and
// safe for concurrent use.
type Knockouts[E any] struct {
	rules *rules.Set[E]
}

// Exclusion is an alternative removed by knock-out rules, with the reasons.
type Exclusion struct {
	// Alternative is the excluded alternative's id.
	Alternative string `json:"alternative"`
	// Rules are the ids of the failed rules, in rule order.
	Rules []string `json:"rules"`
	// Reasons are the failed rules' descriptions (or expressions), same order.
	Reasons []string `json:"reasons"`
}

// CompileKnockouts compiles rules that must all be boolean. Compile errors
// are the kernel's *outsourcing.RuleError (matching ErrRule) with the rule
// id and position.
func CompileKnockouts[E any](list []rules.Rule) (*Knockouts[E], error) {
	rs, err := rules.Compile[E](list, rules.RequireBool())
	if err != nil {
		return nil, wrap(err)
	}
	return &Knockouts[E]{rules: rs}, nil
}

// Screen evaluates the rules for every alternative of m (envs[i] is the
// environment of alternative i) and returns the matrix of the
// alternatives that pass every rule plus the exclusions with their
// reasons, in row order. An evaluation failure is a *FieldError at
// "/envs/i" wrapping the rule's *outsourcing.RuleError (matching ErrRule);
// no alternative passing is an error matching ErrInvalidInput naming the
// exclusions' count.
func (k *Knockouts[E]) Screen(m *Matrix, envs []E) (*Matrix, []Exclusion, error) {
	sub, out, _, err := k.screen(m, envs)
	return sub, out, wrap(err)
}

// screen is Screen, also returning the row indices of the alternatives kept.
func (k *Knockouts[E]) screen(m *Matrix, envs []E) (*Matrix, []Exclusion, []int, error) {
	if len(envs) != m.Rows() {
		return nil, nil, nil, outsourcing.FieldErrorf("/envs", "%d environments for %d alternatives", len(envs), m.Rows())
	}
	why := map[string]string{}
	for _, r := range k.rules.Rules() {
		why[r.ID] = r.Description
		if r.Description == "" {
			why[r.ID] = r.Expression
		}
	}
	var keep []int
	var out []Exclusion
	for i, env := range envs {
		failing, err := k.rules.Failing(env)
		if err != nil {
			return nil, nil, nil, &outsourcing.FieldError{Path: jsonptr.Join("envs", i), Reason: fmt.Sprintf("knock-out rules for alternative %q: %v", m.alternatives[i], err), Err: err}
		}
		if len(failing) == 0 {
			keep = append(keep, i)
			continue
		}
		ex := Exclusion{Alternative: m.alternatives[i], Rules: failing}
		for _, id := range failing {
			ex.Reasons = append(ex.Reasons, why[id])
		}
		out = append(out, ex)
	}
	if len(keep) == 0 {
		return nil, out, nil, outsourcing.FieldErrorf("/alternatives", "every alternative (%d) fails a knock-out rule", len(out))
	}
	n := m.Cols()
	sub := &Matrix{criteria: m.criteria}
	for _, i := range keep {
		sub.alternatives = append(sub.alternatives, m.alternatives[i])
		sub.data = append(sub.data, m.data[i*n:(i+1)*n]...)
	}
	return sub, out, keep, nil
}
