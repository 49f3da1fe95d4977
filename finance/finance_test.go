package finance

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/testkit"
)

type financeCase struct {
	Name           string   `json:"name"`
	Function       string   `json:"function"`
	Source         string   `json:"source"`
	Rate           string   `json:"rate"`
	PeriodsPerYear int64    `json:"periods_per_year"`
	Values         []string `json:"values"`
	Dates          []string `json:"dates"`
	Add            string   `json:"add"`
	Guess          string   `json:"guess"`
	FinanceRate    string   `json:"finance_rate"`
	ReinvestRate   string   `json:"reinvest_rate"`
	Nper           string   `json:"nper"`
	Pmt            string   `json:"pmt"`
	PV             string   `json:"pv"`
	FV             string   `json:"fv"`
	Type           string   `json:"type"`
	Published      string   `json:"published"`
	Places         int32    `json:"places"`
	Tolerance      string   `json:"published_tolerance"`
	Exact          string   `json:"exact"`
}

func dec(s string) outsourcing.Decimal {
	if s == "" {
		return outsourcing.Decimal{}
	}
	return outsourcing.DecimalOf(decimal.RequireFromString(s)) // test data may use exponents
}

func decs(ss ...string) []outsourcing.Decimal {
	out := make([]outsourcing.Decimal, len(ss))
	for i, s := range ss {
		out[i] = dec(s)
	}
	return out
}

func dates(t testing.TB, ss ...string) []time.Time {
	out := make([]time.Time, len(ss))
	for i, s := range ss {
		d, err := time.Parse(time.DateOnly, s)
		require.NoError(t, err)
		out[i] = d
	}
	return out
}

// assertDecimal checks got == want exactly (numerically).
func assertDecimal(t testing.TB, want, got outsourcing.Decimal, msg ...any) {
	t.Helper()
	assert.True(t, want.Equal(got), "want %s, got %s %v", want, got, fmt.Sprint(msg...))
}

// assertClose checks |got − want| ≤ rel·max(1,|want|).
func assertClose(t testing.TB, want, got outsourcing.Decimal, rel float64, msg ...any) {
	t.Helper()
	tol := outsourcing.DecimalOf(decimal.NewFromFloat(rel)).Mul(outsourcing.MaxDecimal(outsourcing.DecimalFromInt(1), want.Abs()))
	assert.True(t, got.Sub(want).Abs().LessThanOrEqual(tol), "want %s, got %s (tolerance %s) %v", want, got, tol, fmt.Sprint(msg...))
}

func (c financeCase) eval(t *testing.T) (outsourcing.Decimal, error) {
	rate := dec(c.Rate)
	if c.PeriodsPerYear > 0 {
		rate, _ = rate.Quo(outsourcing.DecimalFromInt(c.PeriodsPerYear), 40, outsourcing.RoundHalfUp)
	}
	var guess []outsourcing.Decimal
	if c.Guess != "" {
		guess = append(guess, dec(c.Guess))
	}
	timing := PaymentTiming(c.Type)
	switch c.Function {
	case "NPV":
		v, err := NPV(rate, decs(c.Values...))
		return v.Add(dec(c.Add)), err
	case "XNPV":
		return XNPV(rate, decs(c.Values...), dates(t, c.Dates...))
	case "XIRR":
		return XIRR(decs(c.Values...), dates(t, c.Dates...), guess...)
	case "IRR":
		return IRR(decs(c.Values...), guess...)
	case "MIRR":
		return MIRR(decs(c.Values...), dec(c.FinanceRate), dec(c.ReinvestRate))
	case "PMT":
		return PMT(rate, dec(c.Nper), dec(c.PV), dec(c.FV), timing)
	case "PV":
		return PV(rate, dec(c.Nper), dec(c.Pmt), dec(c.FV), timing)
	case "FV":
		return FV(rate, dec(c.Nper), dec(c.Pmt), dec(c.PV), timing)
	}
	t.Fatalf("unknown function %q", c.Function)
	return outsourcing.Decimal{}, nil
}

func TestFinanceExcelExamples(t *testing.T) {
	raw, err := os.ReadFile("testdata/finance_excel.json")
	require.NoError(t, err)
	var doc struct {
		Source string        `json:"source"`
		Cases  []financeCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(raw, &doc))
	require.NotEmpty(t, doc.Source)
	seen := map[string]bool{}
	for _, c := range doc.Cases {
		seen[c.Function] = true
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			got, err := c.eval(t)
			require.NoError(t, err)
			// Within one unit of the last printed digit, or the accuracy
			// Excel documents for its own iteration where that is coarser.
			ulp := outsourcing.MaxDecimal(outsourcing.DecimalOf(decimal.New(1, -c.Places)), dec(c.Tolerance))
			assert.True(t, got.Sub(dec(c.Published)).Abs().LessThanOrEqual(ulp), "published %s, got %s (%s)", c.Published, got, c.Source)
			assertClose(t, dec(c.Exact), got, 1e-12, "closed form")
		})
	}
	for _, fn := range []string{"NPV", "XNPV", "IRR", "XIRR", "MIRR", "PMT", "PV", "FV"} {
		assert.True(t, seen[fn], "no Excel example for %s", fn)
	}
}

// Edge cases Microsoft gives no worked example for (rate 0 with either
// timing, negative rates above -1, fractional periods) against the closed
// forms its function pages state, evaluated independently.
func TestFinanceClosedFormEdges(t *testing.T) {
	var doc struct {
		Source string        `json:"source"`
		Cases  []financeCase `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/finance_closed_form.json", &doc)
	require.NotEmpty(t, doc.Source)
	require.NotEmpty(t, doc.Cases)
	for _, c := range doc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			got, err := c.eval(t)
			require.NoError(t, err)
			assertClose(t, dec(c.Exact), got, 1e-14)
		})
	}
}

// Closed forms: a single flow has IRR (v1/|v0|)^(1/n) − 1; a level annuity
// NPV is PMT·(1−(1+r)^−n)/r; FV and PV are inverses of each other.
func TestFinanceClosedForms(t *testing.T) {
	t.Run("irr of one flow after n periods", func(t *testing.T) {
		got, err := IRR(decs("-100", "0", "0", "121"))
		require.NoError(t, err)
		// 121/100 over 3 periods: 1.21^(1/3) − 1
		assertClose(t, dec("0.0656022367666107123987171152792"), got, 1e-11)
		got, err = IRR(decs("-100", "110"))
		require.NoError(t, err)
		assertDecimal(t, dec("0.1"), got)
	})
	t.Run("xirr of one flow after a year", func(t *testing.T) {
		got, err := XIRR(decs("-1000", "1100"), dates(t, "2023-01-01", "2024-01-01"))
		require.NoError(t, err)
		assertDecimal(t, dec("0.1"), got)
		// 366 days in the leap year 2024: (1.1)^(365/366) − 1
		got, err = XIRR(decs("-1000", "1100"), dates(t, "2024-01-01", "2025-01-01"))
		require.NoError(t, err)
		assertClose(t, dec("0.0997135859341412412872169203524"), got, 1e-11)
	})
	t.Run("npv of a level annuity", func(t *testing.T) {
		vals := make([]outsourcing.Decimal, 120)
		for i := range vals {
			vals[i] = dec("1000")
		}
		got, err := NPV(dec("0.005"), vals)
		require.NoError(t, err)
		// 1000·(1 − 1.005^−120)/0.005 = PV(0.005, 120, -1000)
		pv, err := PV(dec("0.005"), dec("120"), dec("-1000"), outsourcing.Decimal{}, PaymentTimingEnd)
		require.NoError(t, err)
		assertClose(t, pv, got, 1e-14)
		assertClose(t, dec("90073.4533271686536720866492476"), got, 1e-12)
	})
	t.Run("fractional periods", func(t *testing.T) {
		// FV of 100 after 1.5 periods at 21 %: 100·1.21^1.5 = 133.1
		got, err := FV(dec("0.21"), dec("1.5"), outsourcing.Decimal{}, dec("-100"), PaymentTimingEnd)
		require.NoError(t, err)
		assertClose(t, dec("133.1"), got, 1e-14)
	})
	t.Run("xnpv equals npv on yearly dates of 365 days", func(t *testing.T) {
		vals := decs("-1000", "300", "400", "500")
		x, err := XNPV(dec("0.07"), vals, dates(t, "2021-01-01", "2022-01-01", "2023-01-01", "2024-01-01"))
		require.NoError(t, err)
		n, err := NPV(dec("0.07"), vals[1:])
		require.NoError(t, err)
		assertClose(t, n.Add(vals[0]), x, 1e-14)
	})
}

// IRR is a root of the NPV equation for many random streams, whatever
// branch of the solver finds it.
func TestIRRIsRootOfNPV(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		k := 2 + rng.IntN(40)
		vals := make([]outsourcing.Decimal, k)
		vals[0] = outsourcing.DecimalFromInt(-int64(1000 + rng.IntN(100000)))
		for i := 1; i < k; i++ {
			vals[i] = outsourcing.DecimalFromInt(int64(rng.IntN(20000) - 2000))
		}
		r, err := IRR(vals)
		if errors.Is(err, ErrNoSignChange) || errors.Is(err, outsourcing.ErrNoConvergence) {
			continue
		}
		require.NoError(t, err, "case %d", n)
		npv, err := NPV(r, vals[1:])
		require.NoError(t, err)
		scale := outsourcing.Decimal{}
		for _, v := range vals {
			scale = scale.Add(v.Abs())
		}
		assert.True(t, npv.Add(vals[0]).Abs().LessThan(scale.Mul(dec("0.000000001"))), "case %d: NPV at IRR %s is %s", n, r, npv.Add(vals[0]))
	}
}

func TestIRRFallbackAndGuess(t *testing.T) {
	// Two roots: −100 + 230v − 132v² with v = 1/(1+r) has v = 240/264 and
	// 220/264, that is r = 10 % and r = 20 %; the guess picks one.
	vals := decs("-100", "230", "-132")
	low, err := IRR(vals, dec("0.05"))
	require.NoError(t, err)
	assertClose(t, dec("0.1"), low, 1e-11)
	high, err := IRR(vals, dec("0.3"))
	require.NoError(t, err)
	assertClose(t, dec("0.2"), high, 1e-11)

	// A far guess that Newton overshoots still finds the root through
	// the bracketing fallback.
	far, err := IRR(decs("-70000", "12000", "15000", "18000", "21000", "26000"), dec("50"))
	require.NoError(t, err)
	assertClose(t, dec("0.08663094803653161"), far, 1e-11)

	// A very high return.
	huge, err := IRR(decs("-1", "1000000"))
	require.NoError(t, err)
	assertClose(t, dec("999999"), huge, 1e-11)
	// A near-total loss.
	loss, err := IRR(decs("-1000000", "1"))
	require.NoError(t, err)
	assertClose(t, dec("-0.999999"), loss, 1e-11)
}

// Streams with several rates: IRR and XIRR return the rate nearest the
// guess (testdata/finance_irr_roots.json: published streams whose rates
// are known from their factorisation).
func TestIRRMultipleRootsNearestGuess(t *testing.T) {
	var doc struct {
		Source string `json:"source"`
		Cases  []struct {
			Name    string   `json:"name"`
			Source  string   `json:"source"`
			Values  []string `json:"values"`
			Dates   []string `json:"dates"`
			Roots   []string `json:"roots"`
			Guesses []struct {
				Guess string `json:"guess"`
				Root  string `json:"root"`
			} `json:"guesses"`
		} `json:"cases"`
	}
	testkit.LoadJSON(t, "testdata/finance_irr_roots.json", &doc)
	require.NotEmpty(t, doc.Source)
	for _, c := range doc.Cases {
		t.Run(c.Name, func(t *testing.T) {
			require.NotEmpty(t, c.Source)
			vals := decs(c.Values...)
			for _, r := range c.Roots { // each listed rate solves the equation
				npv, err := NPV(dec(r), vals[1:])
				require.NoError(t, err)
				assert.True(t, npv.Add(vals[0]).Abs().LessThan(dec("1e-20")), "NPV at %s is %s", r, npv.Add(vals[0]))
			}
			for _, g := range c.Guesses {
				var guess []outsourcing.Decimal
				if g.Guess != "" {
					guess = append(guess, dec(g.Guess))
				}
				var got outsourcing.Decimal
				var err error
				if c.Dates != nil {
					got, err = XIRR(vals, dates(t, c.Dates...), guess...)
				} else {
					got, err = IRR(vals, guess...)
				}
				require.NoError(t, err, "guess %q", g.Guess)
				assertClose(t, dec(g.Root), got, 1e-11, "guess ", g.Guess)
			}
		})
	}

	// 10(v − 1)(v − 0.8)(v − 0.5): rates 0, 25 % and 100 %; a root at 0
	// comes out as exactly 0, not rounding noise.
	cubic := decs("-4", "17", "-23", "10")
	for guess, want := range map[string]string{"-0.5": "0", "0.12": "0", "0.13": "0.25", "0.6": "0.25", "0.7": "1", "9": "1"} {
		got, err := IRR(cubic, dec(guess))
		require.NoError(t, err)
		assertClose(t, dec(want), got, 1e-12, "guess ", guess)
	}
	got, err := IRR(cubic, dec("0.1"))
	require.NoError(t, err)
	assertDecimal(t, outsourcing.Decimal{}, got)
}

// For random streams with several sign changes and random guesses, the
// present value (evaluated here independently, in float64 on a fine grid)
// changes sign nowhere strictly nearer the guess than the rate returned.
func TestIRRNoNearerRoot(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	npv := func(vals []float64, r float64) float64 {
		s := 0.0
		for i, v := range vals {
			s += v / math.Pow(1+r, float64(i))
		}
		return s
	}
	checked := 0
	for n := range 300 {
		k := 3 + rng.IntN(6)
		vals := make([]float64, k)
		in := make([]outsourcing.Decimal, k)
		for i := range vals {
			vals[i] = float64(rng.IntN(2001) - 1000)
			in[i] = outsourcing.DecimalOf(decimal.NewFromFloat(vals[i]))
		}
		g := rng.Float64()*1.5 - 0.5
		r, err := IRR(in, outsourcing.DecimalOf(decimal.NewFromFloat(g)))
		if errors.Is(err, ErrNoSignChange) || errors.Is(err, outsourcing.ErrNoConvergence) {
			continue
		}
		require.NoError(t, err, "case %d", n)
		rf := r.Float64()
		d := math.Abs(rf-g) * (1 - 1e-6)
		lo, hi := math.Max(g-d, -1+1e-9), g+d
		const steps = 4000
		prev := npv(vals, lo)
		for i := 1; i <= steps; i++ {
			x := lo + (hi-lo)*float64(i)/steps
			cur := npv(vals, x)
			require.False(t, prev != 0 && cur != 0 && math.Signbit(prev) != math.Signbit(cur),
				"case %d %v guess %v: IRR %s, but the NPV changes sign near %v", n, vals, g, r, x)
			prev = cur
		}
		checked++
	}
	assert.Greater(t, checked, 100)
}

// FuzzIRR feeds IRR short streams of 16-bit flows and any guess: it must
// not panic or hang, fail only with ErrInvalidInput or ErrNoConvergence,
// and return a rate at which the present value vanishes.
func FuzzIRR(f *testing.F) {
	f.Add([]byte{0xf9, 0xc0, 0x27, 0x10, 0xd8, 0xf0}, 0.1) // −1600, 10000, −10000
	f.Add([]byte{0xff, 0x04, 0x05, 0x97, 0xf4, 0x25, 0x0b, 0x22, 0xfc, 0x18}, 0.3)
	f.Add([]byte{0x00, 0x01, 0xff, 0xfe, 0x00, 0x01}, 5.0) // 1, −2, 1: a double root at 0
	f.Fuzz(func(t *testing.T, data []byte, guess float64) {
		if len(data) < 4 || len(data) > 32 || !(guess > -1 && guess < 1e6) {
			return
		}
		vals := make([]float64, len(data)/2)
		in := make([]outsourcing.Decimal, len(vals))
		for i := range vals {
			vals[i] = float64(int16(uint16(data[2*i])<<8 | uint16(data[2*i+1])))
			in[i] = outsourcing.DecimalOf(decimal.NewFromFloat(vals[i]))
		}
		r, err := IRR(in, outsourcing.DecimalOf(decimal.NewFromFloat(guess)))
		if err != nil {
			require.True(t, errors.Is(err, outsourcing.ErrInvalidInput) || errors.Is(err, outsourcing.ErrNoConvergence), "%v", err)
			return
		}
		rf := r.Float64()
		require.Greater(t, rf, -1.0)
		sum, mag := 0.0, 0.0
		for i, v := range vals {
			d := v * math.Pow(1+rf, -float64(i))
			sum, mag = sum+d, mag+math.Abs(d)
		}
		if !math.IsInf(mag, 0) {
			assert.LessOrEqual(t, math.Abs(sum), 1e-6*mag, "flows %v guess %v: IRR %s", vals, guess, r)
		}
	})
}

func TestFinanceBadInput(t *testing.T) {
	d := dates(t, "2024-01-01", "2023-12-31")
	cases := []struct {
		name string
		call func() error
		is   error
		path string
	}{
		{"npv empty", func() error { _, err := NPV(dec("0.1"), nil); return err }, outsourcing.ErrInvalidInput, "/values"},
		{"npv rate -1", func() error { _, err := NPV(dec("-1"), decs("1")); return err }, outsourcing.ErrInvalidInput, "/rate"},
		{"xnpv mismatched lengths", func() error { _, err := XNPV(dec("0.1"), decs("1", "2"), d[:1]); return err }, outsourcing.ErrInvalidInput, "/dates"},
		{"xnpv date before first", func() error { _, err := XNPV(dec("0.1"), decs("-1", "2"), d); return err }, outsourcing.ErrInvalidInput, "/dates/1"},
		{"irr single sign", func() error { _, err := IRR(decs("1", "2")); return err }, ErrNoSignChange, "/values"},
		{"irr empty", func() error { _, err := IRR(nil); return err }, outsourcing.ErrInvalidInput, "/values"},
		{"irr all zero", func() error { _, err := IRR(decs("0", "0")); return err }, ErrNoSignChange, "/values"},
		{"irr guess -1", func() error { _, err := IRR(decs("-1", "2"), dec("-1")); return err }, outsourcing.ErrInvalidInput, "/guess"},
		{"irr two guesses", func() error { _, err := IRR(decs("-1", "2"), dec("0.1"), dec("0.2")); return err }, outsourcing.ErrInvalidInput, "/guess"},
		{"xirr single sign", func() error { _, err := XIRR(decs("-1", "-2"), dates(t, "2024-01-01", "2024-02-01")); return err }, ErrNoSignChange, "/values"},
		// Flows that cancel on one day: every rate is a root (the guess came back as the rate).
		{"xirr same-day flows cancel", func() error { _, err := XIRR(decs("-1", "1"), dates(t, "2024-01-01", "2024-01-01")); return err }, ErrNoSignChange, "/values"},
		{"xirr same-day sums one sign", func() error {
			_, err := XIRR(decs("-5", "5", "1"), dates(t, "2024-01-01", "2024-01-01", "2025-01-01"))
			return err
		}, ErrNoSignChange, "/values"},
		{"xirr date before first", func() error { _, err := XIRR(decs("-1", "2"), d); return err }, outsourcing.ErrInvalidInput, "/dates/1"},
		{"mirr single sign", func() error { _, err := MIRR(decs("1", "2"), dec("0.1"), dec("0.1")); return err }, ErrNoSignChange, "/values"},
		{"mirr finance rate", func() error { _, err := MIRR(decs("-1", "2"), dec("-1.5"), dec("0.1")); return err }, outsourcing.ErrInvalidInput, "/finance_rate"},
		{"pmt nper 0", func() error {
			_, err := PMT(dec("0.1"), outsourcing.Decimal{}, dec("1"), outsourcing.Decimal{}, "")
			return err
		}, outsourcing.ErrInvalidInput, "/nper"},
		// A million-digit power: it took about a minute, and Excel answers #NUM!.
		{"fv growth beyond range", func() error {
			_, err := FV(dec("0.1"), dec("2000000"), dec("-1"), outsourcing.Decimal{}, "")
			return err
		}, outsourcing.ErrInvalidInput, "/nper"},
		{"pv discount beyond range", func() error {
			_, err := PV(dec("-0.1"), dec("200000.5"), dec("-1"), outsourcing.Decimal{}, "")
			return err
		}, outsourcing.ErrInvalidInput, "/nper"},
		{"pv rate -2", func() error { _, err := PV(dec("-2"), dec("1"), dec("1"), outsourcing.Decimal{}, ""); return err }, outsourcing.ErrInvalidInput, "/rate"},
		{"fv bad timing", func() error {
			_, err := FV(dec("0.1"), dec("1"), dec("1"), outsourcing.Decimal{}, "middle")
			return err
		}, outsourcing.ErrInvalidInput, "/type"},
		{"npv money mixed currency", func() error {
			_, err := NPVMoney(dec("0.1"), []outsourcing.Money{outsourcing.MustMoney("1", "EUR"), outsourcing.MustMoney("1", "USD")})
			return err
		}, outsourcing.ErrCurrencyMismatch, "/flows/1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.call()
			require.Error(t, err)
			assert.ErrorIs(t, err, c.is)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path)
			// The reason names no package; the function prefixes
			// "finance: " once.
			assert.Equal(t, "finance: "+c.path+": "+fe.Reason, err.Error())
			assert.NotContains(t, fe.Reason, "finance")
		})
	}
}

func TestIRRNoConvergence(t *testing.T) {
	// Σ c_i (1+r)^-i with flows +1, −2, +1: (1 − v)² ≥ 0 touches zero only
	// at r = 0 without changing sign; starting far away, Newton converges
	// slowly (double root) but the result must still be ~0 or an error.
	r, err := IRR(decs("1", "-2", "1"), dec("5"))
	if err != nil {
		assert.ErrorIs(t, err, outsourcing.ErrNoConvergence)
		return
	}
	assert.True(t, r.Abs().LessThan(dec("1e-5")), "got %s", r)
}

func TestFinanceMoneyHelpers(t *testing.T) {
	flows := []outsourcing.Money{outsourcing.MustMoney("-10000", "EUR"), outsourcing.MustMoney("3000", "EUR"), outsourcing.MustMoney("4200", "EUR"), outsourcing.MustMoney("6800", "EUR")}
	v, err := NPVMoney(dec("0.1"), flows)
	require.NoError(t, err)
	assert.Equal(t, outsourcing.Currency("EUR"), v.Currency())
	assertDecimal(t, dec("1188.44"), v.Round(outsourcing.RoundHalfUp).Amount())
	x, err := XNPVMoney(dec("0.09"), flows[:2], dates(t, "2020-01-01", "2021-01-01"))
	require.NoError(t, err)
	assert.Equal(t, outsourcing.Currency("EUR"), x.Currency())
	r, err := IRRMoney(flows)
	require.NoError(t, err)
	assert.True(t, r.IsPositive())
}

func TestPaymentTimingText(t *testing.T) {
	for _, v := range []PaymentTiming{PaymentTimingEnd, PaymentTimingBeginning} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back PaymentTiming
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, v, back)
		assert.Equal(t, string(v), v.String())
	}
	assert.Equal(t, "end", PaymentTiming("").String())
	var p PaymentTiming
	assert.ErrorIs(t, p.UnmarshalText([]byte("later")), outsourcing.ErrInvalidInput)
	assert.ErrorIs(t, p.UnmarshalText(nil), outsourcing.ErrInvalidInput)
	_, err := PaymentTiming("x").MarshalText()
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func BenchmarkXIRR1000(b *testing.B) {
	rng := rand.New(rand.NewPCG(7, 11))
	vals := make([]outsourcing.Decimal, 1000)
	ds := make([]time.Time, 1000)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	vals[0] = outsourcing.DecimalFromInt(-5_000_000)
	ds[0] = start
	for i := 1; i < len(vals); i++ {
		vals[i] = outsourcing.DecimalOf(decimal.New(int64(5000+rng.IntN(10000)), -0).Add(decimal.New(int64(rng.IntN(100)), -2)))
		ds[i] = start.AddDate(0, 0, 3*i+rng.IntN(3))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := XIRR(vals, ds); err != nil {
			b.Fatal(err)
		}
	}
}

// Results print alike: no function returns trailing fractional zeros.
// Microsoft's examples: NPV(10%, -10000, 3000, 4200, 6800) is 1188.44…
// and a rate of 0 returns the plain sum.
func TestResultsCarryNoTrailingZeros(t *testing.T) {
	sum, err := NPV(outsourcing.Decimal{}, decs("100", "200.50"))
	require.NoError(t, err)
	assert.Equal(t, "300.5", sum.String())
	v, err := NPV(dec("0.1"), decs("-10000", "3000", "4200", "6800"))
	require.NoError(t, err)
	assert.Equal(t, v.String(), v.Trim().String())
	r, err := IRR(decs("-100", "110"))
	require.NoError(t, err)
	assert.Equal(t, "0.1", r.String())
}

// TestIRRBeyondFloat64Range: flows of 1e±400 are outside float64; the
// root finder used to see them as 0 or ±Inf and report no root. A single
// flow doubling over one period has IRR (2/1)^(1/1) − 1 = 100 % at any
// scale (the closed form of TestFinanceClosedForms), and XIRR likewise
// over 365 days.
func TestIRRBeyondFloat64Range(t *testing.T) {
	for _, scale := range []string{"1e-400", "1e400", "1"} {
		values := decs("0", "-1", "2")
		for i := range values {
			values[i] = values[i].Mul(dec(scale))
		}
		got, err := IRR(values)
		require.NoError(t, err, scale)
		assertDecimal(t, dec("1"), got, scale)
		got, err = XIRR(values, dates(t, "2023-01-01", "2023-01-01", "2024-01-01"))
		require.NoError(t, err, scale)
		assertDecimal(t, dec("1"), got, scale)
	}
}
