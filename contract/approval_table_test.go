package contract_test

import (
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stepsByStage lists a route's step ids as "stage:id".
func stepsByStage(r contract.Route) []string {
	var out []string
	for _, s := range r.Steps {
		out = append(out, string(rune('0'+s.Stage))+":"+s.ID)
	}
	return out
}

// smallContract is the sample with its monthly fee alone, at 5,000.00
// EUR: 180,000.00 EUR over the 36 months of the initial term.
func smallContract(t *testing.T) *contract.Contract {
	t.Helper()
	spec := sampleSpec(t)
	spec.Pricing.Fees = spec.Pricing.Fees[:1]
	spec.Pricing.Fees[0].Amount = outsourcing.MustMoney("5000.00", "EUR")
	spec.Pricing.Milestones = nil
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)
	return c
}

// TestDefaultTableRouter routes the sample (1,608,000.00 EUR over the
// initial term) and a small contract through the shipped table's value
// bands and risk levels.
func TestDefaultTableRouter(t *testing.T) {
	big, small := sample(t), smallContract(t)
	router := contract.DefaultTableRouter()
	for _, tc := range []struct {
		name string
		c    *contract.Contract
		risk outsourcing.RiskLevel
		want []string
	}{
		{"small, not assessed", small, "", []string{"1:legal", "1:procurement"}},
		{"small, high risk", small, outsourcing.RiskLevelHigh, []string{"1:legal", "1:procurement", "1:risk", "2:cfo"}},
		{"small, very high risk", small, outsourcing.RiskLevelVeryHigh, []string{"1:legal", "1:procurement", "1:risk", "2:cfo", "3:ceo"}},
		{"over a million, low risk", big, outsourcing.RiskLevelLow, []string{"1:legal", "1:procurement", "1:finance", "2:cfo"}},
		{"over a million, high risk: the CFO once", big, outsourcing.RiskLevelHigh, []string{"1:legal", "1:procurement", "1:finance", "1:risk", "2:cfo"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := router.Route(tc.c, tc.risk)
			require.NoError(t, err)
			assert.Equal(t, tc.want, stepsByStage(r))
			assert.Equal(t, tc.c.Version(), r.Version)
		})
	}
	_, err := router.Route(big, "severe")
	requirePath(t, err, "/risk")

	r, err := router.Route(big, outsourcing.RiskLevelLow)
	require.NoError(t, err)
	w := contract.NewWorkflow(r)
	assert.ElementsMatch(t, []string{"legal", "procurement", "finance"}, w.Open(), "stage 1 runs in parallel")
	assert.Equal(t, "Chief Financial Officer", r.Steps[3].Name)
}

// TestTableRouterEdited: the shipped document is edited as JSON (the
// finance band lowered to 100,000) and compiled again.
func TestTableRouterEdited(t *testing.T) {
	doc := strings.Replace(string(contract.ApprovalTableDocument()), `">= 250000"`, `">= 100000"`, 1)
	spec, err := rules.ParseTableSpec([]byte(doc))
	require.NoError(t, err)
	router, err := contract.NewTableRouter(spec)
	require.NoError(t, err)
	r, err := router.Route(smallContract(t), "")
	require.NoError(t, err)
	assert.Equal(t, []string{"1:legal", "1:procurement", "1:finance"}, stepsByStage(r))
	assert.Equal(t, "contract-approval", router.Table().ID)
}

func TestTableRouterBadTable(t *testing.T) {
	base := func() rules.TableSpec {
		spec, err := rules.ParseTableSpec(contract.ApprovalTableDocument())
		require.NoError(t, err)
		return spec
	}
	for _, tc := range []struct {
		name string
		edit func(*rules.TableSpec)
		path string
	}{
		{"a single-hit policy", func(s *rules.TableSpec) { s.HitPolicy = rules.HitPolicyFirst }, "/hit_policy"},
		{"no approvers column", func(s *rules.TableSpec) {
			s.Outputs = s.Outputs[:2]
			for i := range s.Rules {
				s.Rules[i].Then = s.Rules[i].Then[:2]
			}
		}, "/outputs"},
		{"stage 0", func(s *rules.TableSpec) { s.Rules[2].Then[1] = 0 }, "/rules/2/then/1"},
		{"stage 1.5", func(s *rules.TableSpec) { s.Rules[2].Then[1] = 1.5 }, "/rules/2/then/1"},
		{"no approver", func(s *rules.TableSpec) { s.Rules[3].Then[2] = " , " }, "/rules/3/then/2"},
		// a quorum-all step naming "cfo" twice waits forever for the second decision
		{"an approver twice", func(s *rules.TableSpec) { s.Rules[3].Then[2] = "cfo, cfo" }, "/rules/3/then/2"},
		{"a cell that does not compile", func(s *rules.TableSpec) { s.Rules[1].When[0] = ">= " }, "/rules/1/when/0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := base()
			tc.edit(&spec)
			_, err := contract.NewTableRouter(spec)
			requirePath(t, err, tc.path)
			assert.Equal(t, 1, strings.Count(err.Error(), "contract: "), err.Error())
		})
	}
}
