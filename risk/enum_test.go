package risk

import (
	"encoding"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnumsRoundTripAndRejectUnknown(t *testing.T) {
	type enum interface {
		encoding.TextMarshaler
		encoding.TextUnmarshaler
	}
	cases := map[string]struct {
		fresh func() enum
		good  []string
	}{
		"status":     {func() enum { return new(Status) }, []string{"open", "in_treatment", "monitoring", "closed"}},
		"treatment":  {func() enum { return new(Treatment) }, []string{"avoid", "mitigate", "transfer", "accept"}},
		"target":     {func() enum { return new(ControlTarget) }, []string{"likelihood", "impact"}},
		"zone":       {func() enum { return new(Zone) }, []string{"within_appetite", "within_tolerance", "beyond_tolerance"}},
		"formula":    {func() enum { return new(Formula) }, []string{"product", "sum", "max"}},
		"magnitude":  {func() enum { return new(MagnitudeKind) }, []string{"pert", "lognormal", "triangular", "uniform"}},
		"residual":   {func() enum { return new(ResidualSource) }, []string{"inherent", "controls", "rerating"}},
		"due kind":   {func() enum { return new(DueKind) }, []string{"review", "drill"}},
		"due status": {func() enum { return new(DueStatus) }, []string{"current", "due", "overdue"}},
		"trend":      {func() enum { return new(Trend) }, []string{"up", "down", "steady"}},
		"category":   {func() enum { return new(Category) }, []string{"information_security", "intellectual_property", "custom:geo-politics"}},
		"input":      {func() enum { return new(InputParameter) }, []string{"amount", "escalation", "duration", "discount_rate"}},
		"estimate":   {func() enum { return new(EstimateKind) }, []string{"pert", "lognormal", "triangular", "uniform", "discrete"}},
		"case risk":  {func() enum { return new(CaseRiskKind) }, []string{"loss", "exit"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			for _, s := range tc.good {
				v := tc.fresh()
				require.NoError(t, v.UnmarshalText([]byte(s)))
				out, err := v.MarshalText()
				require.NoError(t, err)
				assert.Equal(t, s, string(out))
			}
			for _, bad := range []string{"", "Open", "unknown", "custom:", "custom:Bad Name"} {
				assert.ErrorIs(t, tc.fresh().UnmarshalText([]byte(bad)), outsourcing.ErrInvalidInput, bad)
			}
		})
	}
	_, err := Status("nope").MarshalText()
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func TestHandbookCategoriesAndISOTerms(t *testing.T) {
	assert.Len(t, HandbookCategories(), 8)
	assert.False(t, CategorySupplier.IsCustom())
	c, err := CustomCategory("geopolitical")
	require.NoError(t, err)
	assert.True(t, c.IsCustom())
	// ISO/IEC 27005 option names.
	for tr, want := range map[Treatment]string{
		TreatmentAvoid: "risk avoidance", TreatmentMitigate: "risk modification",
		TreatmentTransfer: "risk sharing", TreatmentAccept: "risk retention",
	} {
		assert.Equal(t, want, tr.ISO27005())
		assert.NotEmpty(t, tr.ISO31000())
	}
	assert.Empty(t, Treatment("x").ISO27005())
}

// Labels are words for a reader; String and JSON keep the ids.
func TestLabels(t *testing.T) {
	testkit.AssertLabels(t,
		testkit.LabelCase{Value: ZoneWithinAppetite, ID: "within_appetite", Label: "within appetite"},
		testkit.LabelCase{Value: ZoneWithinTolerance, ID: "within_tolerance", Label: "within tolerance"},
		testkit.LabelCase{Value: ZoneBeyondTolerance, ID: "beyond_tolerance", Label: "beyond tolerance"},
		testkit.LabelCase{Value: TreatmentAvoid, ID: "avoid", Label: "avoid"},
		testkit.LabelCase{Value: TreatmentMitigate, ID: "mitigate", Label: "mitigate"},
		testkit.LabelCase{Value: TreatmentTransfer, ID: "transfer", Label: "transfer"},
		testkit.LabelCase{Value: TreatmentAccept, ID: "accept", Label: "accept"})
	assert.Equal(t, "sideways", Zone("sideways").Label(), "an unknown value as it is")
}
