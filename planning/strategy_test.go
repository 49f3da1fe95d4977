package planning

import (
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBudgetVariance(t *testing.T) {
	b := Budget{Total: outsourcing.MustMoney("500000", "EUR"), Phases: []BudgetPhase{
		{ID: "selection", Planned: outsourcing.MustMoney("50000", "EUR"), Actual: outsourcing.MustMoney("61000", "EUR")},
		{ID: "transition", Planned: outsourcing.MustMoney("300000", "EUR"), Actual: outsourcing.MustMoney("290000", "EUR")},
		{ID: "steady", Planned: outsourcing.MustMoney("100000", "EUR"), Actual: outsourcing.MustMoney("20000", "EUR")},
	}}
	r, err := b.Variance()
	require.NoError(t, err)
	assert.Equal(t, BudgetStatusOver, r.Phases[0].Status)
	assertDecimal(t, dec("11000"), r.Phases[0].Variance.Amount())
	assertDecimal(t, "22", r.Phases[0].VariancePercent)
	assert.Equal(t, BudgetStatusOnPlan, r.Phases[1].Status) // −3.33 % within 5 %
	assertDecimal(t, "-3.33", r.Phases[1].VariancePercent)
	assert.Equal(t, BudgetStatusUnder, r.Phases[2].Status)
	assertDecimal(t, dec("450000"), r.Overall.Planned.Amount())
	assertDecimal(t, dec("371000"), r.Overall.Actual.Amount())
	assertDecimal(t, dec("50000"), r.Unallocated.Amount())
	assertDecimal(t, dec("129000"), r.Remaining.Amount())

	b.Tolerance = outsourcing.MustPercent("25")
	r, err = b.Variance()
	require.NoError(t, err)
	assert.Equal(t, BudgetStatusOnPlan, r.Phases[0].Status)

	bad := []struct {
		name   string
		change func(b *Budget)
		is     error
	}{
		{"over total", func(b *Budget) { b.Total = outsourcing.MustMoney("100", "EUR") }, outsourcing.ErrInvalidInput},
		{"currency mismatch", func(b *Budget) { b.Phases[1].Actual = outsourcing.MustMoney("1", "USD") }, outsourcing.ErrCurrencyMismatch},
		{"negative", func(b *Budget) { b.Phases[1].Actual = outsourcing.MustMoney("-1", "EUR") }, outsourcing.ErrInvalidInput},
		{"duplicate phase", func(b *Budget) { b.Phases[1].ID = "selection" }, outsourcing.ErrInvalidInput},
		{"no phases", func(b *Budget) { b.Phases = nil }, outsourcing.ErrInvalidInput},
		{"missing actual", func(b *Budget) { b.Phases[0].Actual = outsourcing.Money{} }, outsourcing.ErrInvalidInput},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			bb := b
			bb.Phases = append([]BudgetPhase(nil), b.Phases...)
			c.change(&bb)
			_, err := bb.Variance()
			assert.ErrorIs(t, err, c.is)
		})
	}
}

func TestTimelineSlippage(t *testing.T) {
	ms := []Milestone{
		{ID: "req", Kind: MilestoneRequirementsConfirmed, Planned: day("2025-02-01"), Actual: day("2025-02-10")},
		{ID: "sel", Kind: MilestoneVendorSelected, Planned: day("2025-05-01")},
		{ID: "sign", Kind: MilestoneContractSigned, Planned: day("2025-07-01"), Forecast: day("2025-07-21")},
		{ID: "trans", Kind: MilestoneTransitionComplete, Planned: day("2025-10-01")},
		{ID: "steady", Kind: MilestoneSteadyState, Planned: day("2026-01-01"), Forecast: day("2025-12-15")},
	}
	st, err := TimelineAt(ms, day("2025-05-15"))
	require.NoError(t, err)
	want := []struct {
		state MilestoneState
		slip  int
	}{{MilestoneStateDone, 9}, {MilestoneStateOverdue, 14}, {MilestoneStateSlipping, 20}, {MilestoneStatePending, 0}, {MilestoneStatePending, 0}}
	for i, w := range want {
		assert.Equal(t, w.state, st.Milestones[i].State, ms[i].ID)
		assert.Equal(t, w.slip, st.Milestones[i].SlipDays, ms[i].ID)
	}
	assert.Equal(t, 20, st.MaxSlipDays)

	// On its planned day a milestone is pending, whatever the time of day
	// of asOf or of a same-day forecast (it was overdue, or slipping, by
	// 0 days); an actual date that day, later than asOf, is accepted.
	noon := day("2025-05-01").Add(12 * time.Hour)
	st, err = TimelineAt([]Milestone{
		{ID: "a", Kind: MilestoneVendorSelected, Planned: day("2025-05-01")},
		{ID: "b", Kind: MilestoneContractSigned, Planned: day("2025-05-01"), Forecast: noon.Add(3 * time.Hour)},
		{ID: "c", Kind: MilestoneTransitionComplete, Planned: day("2025-05-01"), Actual: noon.Add(time.Hour)},
	}, noon)
	require.NoError(t, err)
	assert.Equal(t, MilestoneStatePending, st.Milestones[0].State)
	assert.Equal(t, MilestoneStatePending, st.Milestones[1].State)
	assert.Equal(t, MilestoneStateDone, st.Milestones[2].State)
	assert.Equal(t, 0, st.MaxSlipDays)

	_, err = TimelineAt(nil, day("2025-01-01"))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	bad := append([]Milestone(nil), ms...)
	bad[3].Planned = day("2025-01-01")
	bad[4].Kind = "party"
	bad[0].Actual = day("2030-01-01")
	_, err = TimelineAt(bad, day("2025-05-15"))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	for _, p := range []string{"/milestones/0/actual", "/milestones/3/planned", "/milestones/4/kind"} {
		assert.Contains(t, err.Error(), p)
	}
}

func TestStrategyEnumsText(t *testing.T) {
	var k MilestoneKind
	require.NoError(t, k.UnmarshalText([]byte("contract_signed")))
	assert.ErrorIs(t, k.UnmarshalText([]byte("x")), outsourcing.ErrInvalidInput)
	var s MilestoneState
	require.NoError(t, s.UnmarshalText([]byte("overdue")))
	var bs BudgetStatus
	require.NoError(t, bs.UnmarshalText([]byte("on_plan")))
	b, err := BudgetStatusOver.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "over", string(b))
	assert.Equal(t, "slipping", MilestoneStateSlipping.String())
}
