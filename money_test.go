package outsourcing_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

type moneyCases struct {
	Allocation []struct {
		Source   string   `json:"source"`
		Amount   string   `json:"amount"`
		Currency string   `json:"currency"`
		Ratios   []string `json:"ratios"`
		Want     []string `json:"want"`
	} `json:"allocation"`
	Rounding []struct {
		Source string                   `json:"source"`
		Value  string                   `json:"value"`
		Places int32                    `json:"places"`
		Mode   outsourcing.RoundingMode `json:"mode"`
		Want   string                   `json:"want"`
	} `json:"rounding"`
	MinorUnits []struct {
		Source   string `json:"source"`
		Currency string `json:"currency"`
		Digits   int32  `json:"digits"`
	} `json:"minor_units"`
}

func TestMoneyReferenceCases(t *testing.T) {
	var cases moneyCases
	loadTestdata(t, "money.json", &cases)
	for _, c := range cases.Allocation {
		t.Run("allocate/"+c.Source, func(t *testing.T) {
			m := outsourcing.MustMoney(c.Amount, c.Currency)
			ratios := outsourcing.MustDecimals(c.Ratios...)
			parts, err := m.Allocate(ratios...)
			require.NoError(t, err)
			require.Len(t, parts, len(c.Want))
			for i, w := range c.Want {
				assertDecimal(t, w, parts[i].Amount(), "part %d", i)
			}
		})
	}
	for _, c := range cases.Rounding {
		t.Run("round/"+c.Source, func(t *testing.T) {
			got := outsourcing.MustDecimal(c.Value).Round(c.Places, c.Mode)
			assertDecimal(t, c.Want, got)
		})
	}
	for _, c := range cases.MinorUnits {
		cur, err := outsourcing.ParseCurrency(c.Currency)
		require.NoError(t, err)
		assert.Equal(t, c.Digits, cur.MinorUnits(), c.Currency)
	}
}

func TestAllocateAlwaysSumsToTheWhole(t *testing.T) {
	for _, amount := range []string{"0.00", "0.01", "-10.00", "999999999.99", "1234.57"} {
		for _, ratios := range [][]int64{{1}, {1, 1, 1}, {2, 3, 5}, {0, 1}, {7, 0, 13, 1}, {1, 1, 1, 1, 1, 1, 1}} {
			m := outsourcing.MustMoney(amount, "EUR")
			rs := make([]outsourcing.Decimal, len(ratios))
			for i, r := range ratios {
				rs[i] = outsourcing.DecimalFromInt(r)
			}
			parts, err := m.Allocate(rs...)
			require.NoError(t, err)
			total, err := outsourcing.Sum("EUR", parts...)
			require.NoError(t, err)
			assert.True(t, total.Equal(m), "%s by %v: %v", amount, ratios, parts)
			for i, p := range parts {
				if ratios[i] == 0 {
					assert.True(t, p.Amount().IsZero(), "a zero ratio gets nothing")
				}
			}
		}
	}
}

func TestMoneyArithmetic(t *testing.T) {
	a := outsourcing.MustMoney("1250.10", "EUR")
	b := outsourcing.MustMoney("0.90", "EUR")
	sum, err := a.Add(b)
	require.NoError(t, err)
	assert.Equal(t, "1251.00 EUR", sum.String())
	diff, err := b.Sub(a)
	require.NoError(t, err)
	assert.True(t, diff.IsNegative())
	assert.Equal(t, "-1249.20 EUR", diff.String())
	assert.True(t, outsourcing.MustMoney("1.0", "EUR").Equal(outsourcing.MustMoney("1.00", "EUR")))
	c, err := a.Cmp(b)
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	fee := a.Mul(outsourcing.MustDecimal("0.035"))
	assert.Equal(t, "43.7535 EUR", fee.String(), "Mul keeps every digit")
	assert.Equal(t, "43.75 EUR", fee.Round(outsourcing.RoundHalfEven).String())
	assert.Equal(t, "44 JPY", outsourcing.MustMoney("43.5", "JPY").Round(outsourcing.RoundHalfUp).String())
	assert.Equal(t, "-1250.10 EUR", a.Neg().String())
	assert.Equal(t, "1250.10 EUR", a.Neg().Abs().String())
	lo, err := a.Min(b)
	require.NoError(t, err)
	assert.True(t, lo.Equal(b))
	hi, err := a.Max(b)
	require.NoError(t, err)
	assert.True(t, hi.Equal(a))
}

func TestMoneyErrors(t *testing.T) {
	eur := outsourcing.MustMoney("1", "EUR")
	usd := outsourcing.MustMoney("1", "USD")
	_, err := eur.Add(usd)
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	_, err = eur.Sub(usd)
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	_, err = eur.Cmp(usd)
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	_, err = outsourcing.Sum("EUR", eur, usd)
	var fe *outsourcing.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "/1", fe.Path)
	assert.False(t, eur.Equal(usd))

	for _, bad := range []struct{ amount, currency string }{
		{"1", "eur"}, {"1", "EURO"}, {"1", "XXY"}, {"1", ""},
		{"1e3", "EUR"}, {"NaN", "EUR"}, {"", "EUR"}, {"1,000.00", "EUR"}, {"Inf", "EUR"},
	} {
		_, err := outsourcing.ParseMoney(bad.amount, bad.currency)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, "%v", bad)
	}
	_, err = outsourcing.MustMoney("0.005", "EUR").Allocate(outsourcing.DecimalFromInt(1))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, "sub-cent amount")
	_, err = eur.Allocate()
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = eur.Allocate(outsourcing.DecimalFromInt(-1), outsourcing.DecimalFromInt(2))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = eur.Allocate(outsourcing.Decimal{})
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = eur.Split(0)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Panics(t, func() { outsourcing.MustMoney("x", "EUR") })
}

func TestMoneyJSON(t *testing.T) {
	m := outsourcing.MustMoney("1250", "EUR")
	data, err := json.Marshal(m)
	require.NoError(t, err)
	assert.JSONEq(t, `{"amount":"1250.00","currency":"EUR"}`, string(data))

	var back outsourcing.Money
	require.NoError(t, json.Unmarshal([]byte(`{"amount":"0.1","currency":"BHD"}`), &back))
	assert.Equal(t, "0.100 BHD", back.String())

	for _, bad := range []string{
		`{"amount":1250,"currency":"EUR"}`,
		`{"amount":"12","currency":"EUR","note":"x"}`,
		`{"amount":"12","currency":"eur"}`,
		`{"amount":"1e2","currency":"EUR"}`,
		`[]`,
	} {
		err := json.Unmarshal([]byte(bad), &back)
		assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, bad)
	}
	data, err = json.Marshal(outsourcing.Money{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(data), "the zero Money is no amount")
	back = outsourcing.MustMoney("1", "EUR")
	require.NoError(t, json.Unmarshal([]byte("null"), &back))
	assert.True(t, back.IsZero())
}

// A host program may flip shopspring/decimal's package globals; this
// module's output must not change.
func TestOutputIgnoresDecimalGlobals(t *testing.T) {
	m := outsourcing.MustMoney("100.00", "USD")
	p := outsourcing.MustPercent("12.50")
	third, err := m.Allocate(outsourcing.DecimalFromInt(1), outsourcing.DecimalFromInt(1), outsourcing.DecimalFromInt(1))
	require.NoError(t, err)
	before := fmtAll(t, m, p, third)

	saved := []any{decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros, decimal.UseScientificNotation}
	decimal.DivisionPrecision = 0
	decimal.MarshalJSONWithoutQuotes = true
	decimal.TrimTrailingZeros = false
	decimal.UseScientificNotation = true
	t.Cleanup(func() {
		decimal.DivisionPrecision = saved[0].(int)
		decimal.MarshalJSONWithoutQuotes = saved[1].(bool)
		decimal.TrimTrailingZeros = saved[2].(bool)
		decimal.UseScientificNotation = saved[3].(bool)
	})
	third2, err := m.Allocate(outsourcing.DecimalFromInt(1), outsourcing.DecimalFromInt(1), outsourcing.DecimalFromInt(1))
	require.NoError(t, err)
	assert.Equal(t, before, fmtAll(t, m, p, third2))
}

func fmtAll(t *testing.T, m outsourcing.Money, p outsourcing.Percent, parts []outsourcing.Money) []string {
	out := []string{m.String(), p.String()}
	for _, v := range []any{m, p, parts} {
		data, err := json.Marshal(v)
		require.NoError(t, err)
		out = append(out, string(data))
	}
	return out
}

func TestPercent(t *testing.T) {
	atRisk := outsourcing.MustPercent("12")
	monthly := outsourcing.MustMoney("1000000", "USD")
	// 12 % of $1,000,000 monthly fees at risk is $120,000.
	assert.Equal(t, "120000.00 USD", atRisk.Of(monthly).Round(outsourcing.RoundHalfUp).String())
	assertDecimal(t, "0.12", atRisk.Fraction())
	assert.Equal(t, "12%", atRisk.String())
	var p outsourcing.Percent
	require.NoError(t, json.Unmarshal([]byte(`"40"`), &p))
	assert.Equal(t, 0, p.Cmp(outsourcing.MustPercent("40.0")))
	assert.True(t, p.Between(outsourcing.MustPercent("0"), outsourcing.MustPercent("100")))
	assert.ErrorIs(t, json.Unmarshal([]byte(`40`), &p), outsourcing.ErrInvalidInput)
	assert.ErrorIs(t, json.Unmarshal([]byte(`"4e1"`), &p), outsourcing.ErrInvalidInput)
}

func TestRoundingModeText(t *testing.T) {
	for _, m := range []outsourcing.RoundingMode{outsourcing.RoundHalfUp, outsourcing.RoundHalfEven, outsourcing.RoundDown, outsourcing.RoundUp} {
		text, err := m.MarshalText()
		require.NoError(t, err)
		var back outsourcing.RoundingMode
		require.NoError(t, back.UnmarshalText(text))
		assert.Equal(t, m, back)
	}
	var m outsourcing.RoundingMode
	assert.ErrorIs(t, m.UnmarshalText([]byte("bankers")), outsourcing.ErrInvalidInput)
	_, err := outsourcing.RoundingMode(9).MarshalText()
	assert.Error(t, err)
	assert.True(t, errors.Is(new(outsourcing.Currency).UnmarshalText([]byte("ABC")), outsourcing.ErrInvalidInput))
}

func FuzzMoneyJSON(f *testing.F) {
	for _, seed := range []string{`{"amount":"1250.00","currency":"EUR"}`, `{"amount":"-0.001","currency":"BHD"}`,
		`{"amount":"1e9","currency":"USD"}`, `{"amount":"12","currency":"XXX"}`, `{"amount":12}`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		var m outsourcing.Money
		if err := json.Unmarshal(doc, &m); err != nil {
			return
		}
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatalf("a decoded Money must encode: %v", err)
		}
		var back outsourcing.Money
		if err := json.Unmarshal(out, &back); err != nil || !back.Equal(m) {
			t.Fatalf("round trip %s -> %s -> %v (%v)", doc, out, back, err)
		}
	})
}
