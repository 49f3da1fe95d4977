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

// TestProRataAtMonthEnds splits billing periods at an effective date
// under every convention (testdata/prorata.json): the fixed-denominator
// conventions split a period identically, the 30/360 family departs from
// them at the 31st and in February.
func TestProRataAtMonthEnds(t *testing.T) {
	doc, err := os.ReadFile("testdata/prorata.json")
	require.NoError(t, err)
	var data struct {
		Cases []struct {
			Name      string          `json:"name"`
			Period    contract.Period `json:"period"`
			Effective contract.Date   `json:"effective"`
			Fee       string          `json:"fee"`
			Source    string          `json:"source"`
			Expected  map[termination.DayCount]struct {
				Served int    `json:"served_days"`
				Whole  int    `json:"whole_days"`
				Amount string `json:"amount"`
			} `json:"expected"`
		} `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(doc, &data))
	for _, c := range data.Cases {
		require.NotEmpty(t, c.Source, c.Name)
		require.Len(t, c.Expected, 7, c.Name)
		fee := outsourcing.MustMoney(c.Fee, "EUR")
		amounts := map[termination.DayCount]string{}
		for dc, want := range c.Expected {
			r, err := dc.ProRata(c.Period, c.Effective)
			require.NoError(t, err, c.Name)
			assert.Equal(t, want.Served, r.Served.Days, "%s: %s served", c.Name, dc)
			assert.Equal(t, want.Whole, r.Whole.Days, "%s: %s whole", c.Name, dc)
			amounts[dc] = r.Of(fee).Amount().String()
			assert.Equal(t, want.Amount, amounts[dc], "%s: %s", c.Name, dc)
		}
		assert.Equal(t, amounts[termination.DayCountActual365Fixed], amounts[termination.DayCountActual360], "%s: the fixed denominators cancel", c.Name)
	}
}

func TestProRataBadInput(t *testing.T) {
	jan := contract.Period{Start: contract.MustDate(2027, 1, 1), End: contract.MustDate(2027, 1, 31)}
	_, err := termination.DayCount30360US.ProRata(jan, contract.MustDate(2026, 12, 31))
	assertField(t, err, "/effective", outsourcing.ErrInvalidInput)
	_, err = termination.DayCount30360US.ProRata(contract.Period{Start: jan.End, End: jan.Start}, jan.End)
	assertField(t, err, "/end", outsourcing.ErrInvalidInput)
	_, err = termination.DayCount("30/360").ProRata(jan, jan.End)
	assertField(t, err, "", outsourcing.ErrInvalidInput)
	r, err := termination.DayCountActual360.ProRata(jan, contract.MustDate(2027, 3, 1))
	require.NoError(t, err)
	assert.Equal(t, r.Whole, r.Served, "served to the period's end at most")
}

// Actual/Actual (ISDA) splits a period at 1 January; in the year 9999,
// the last a date can hold, the next 1 January lies past it. A period in
// 9999, and the whole of December 9999 prorated (its exclusive end is
// 10000-01-01), count as in any common year (ISDA 2006 §4.16(b): days
// in a non-leap year over 365) instead of panicking.
func TestActualActualISDAInTheYear9999(t *testing.T) {
	f, err := termination.DayCountActualActualISDA.Fraction(contract.MustDate(9999, 1, 1), contract.MustDate(9999, 6, 1), contract.Date{})
	require.NoError(t, err)
	assert.Equal(t, termination.YearFraction{Days: 151, Numerator: 366 * 151, Denominator: 365 * 366}, f)
	dec := contract.Period{Start: contract.MustDate(9999, 12, 1), End: contract.MustDate(9999, 12, 31)}
	r, err := termination.DayCountActualActualISDA.ProRata(dec, contract.MustDate(9999, 12, 15))
	require.NoError(t, err)
	assert.Equal(t, []int{15, 31}, []int{r.Served.Days, r.Whole.Days})
	assert.Equal(t, "1500.00", r.Of(outsourcing.MustMoney("3100.00", "EUR")).Amount().String())
}
