package termination_test

import (
	"encoding/json"
	"math/big"
	"os"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type dayCountCase struct {
	Convention termination.DayCount `json:"convention"`
	Start      contract.Date        `json:"start"`
	End        contract.Date        `json:"end"`
	Maturity   contract.Date        `json:"maturity"`
	Days       *int                 `json:"days"`
	Fraction   string               `json:"fraction"`
	Ratio      []string             `json:"ratio"`
	Source     string               `json:"source"`
}

// TestDayCountPublishedExamples checks every convention against the
// published examples of testdata/daycount.json (ISDA's 30/360 worked
// examples, ISDA's Actual/Actual examples as QuantLib tests them, and
// OpenGamma Strata's day-count tests).
func TestDayCountPublishedExamples(t *testing.T) {
	doc, err := os.ReadFile("testdata/daycount.json")
	require.NoError(t, err)
	var data struct {
		Cases []dayCountCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(doc, &data))
	seen := map[termination.DayCount]int{}
	for _, c := range data.Cases {
		name := string(c.Convention) + " " + c.Start.String() + " " + c.End.String()
		require.NotEmpty(t, c.Source, name)
		f, err := c.Convention.Fraction(c.Start, c.End, c.Maturity)
		require.NoError(t, err, name)
		seen[c.Convention]++
		got := new(big.Rat).SetFrac64(f.Numerator, f.Denominator)
		if c.Days != nil {
			assert.Equal(t, *c.Days, f.Days, name)
			if strings.HasPrefix(string(c.Convention), "30") {
				assert.Zero(t, got.Cmp(big.NewRat(int64(*c.Days), 360)), name)
			}
		}
		if c.Fraction != "" {
			// QuantLib checks these to within 1e-10.
			want, ok := new(big.Rat).SetString(c.Fraction)
			require.True(t, ok, c.Fraction)
			diff := new(big.Rat).Sub(got, want)
			assert.True(t, diff.Abs(diff).Cmp(big.NewRat(1, 10_000_000_000)) <= 0, "%s: got %s, want %s", name, f.Decimal(12), c.Fraction)
		}
		if c.Ratio != nil {
			want := new(big.Rat)
			for _, r := range c.Ratio {
				part, ok := new(big.Rat).SetString(r)
				require.True(t, ok, r)
				want.Add(want, part)
			}
			assert.Zero(t, got.Cmp(want), "%s: got %s, want %s", name, got, want)
		}
	}
	assert.Len(t, seen, 7, "every convention has published examples")
}

func TestDayCountRefusesBadInput(t *testing.T) {
	d1, d2 := contract.MustDate(2026, 3, 1), contract.MustDate(2026, 2, 1)
	_, err := termination.DayCount30360US.Fraction(d1, d2, contract.Date{})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, "/end", outsourcing.FieldErrors(err)[0].Path)
	_, err = termination.DayCount("30/360").Fraction(d2, d1, contract.Date{})
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	var dc termination.DayCount
	assert.Error(t, json.Unmarshal([]byte(`"30/360"`), &dc), "a bare 30/360 is ambiguous")
}
