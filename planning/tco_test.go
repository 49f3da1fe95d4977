package planning

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/finance"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type tcoReference struct {
	Source  string `json:"source"`
	Annuity struct {
		Source      string `json:"source"`
		MonthlyCost string `json:"monthly_cost"`
		Months      int    `json:"months"`
		AnnualRate  string `json:"annual_rate"`
		Discounted  string `json:"discounted"`
	} `json:"annuity"`
	Escalation struct {
		Source     string `json:"source"`
		YearlyCost string `json:"yearly_cost"`
		Years      int    `json:"years"`
		Index      string `json:"index"`
		Cap        string `json:"cap"`
		AnnualRate string `json:"annual_rate"`
		Nominal    string `json:"nominal"`
		Discounted string `json:"discounted"`
	} `json:"escalation"`
	Switch struct {
		Source     string   `json:"source"`
		Savings    []string `json:"savings"`
		AnnualRate string   `json:"annual_rate"`
		IRR        string   `json:"irr"`
		NPV        string   `json:"npv"`
		Payback    string   `json:"payback"`
		BreakEven  int      `json:"break_even"`
	} `json:"switch"`
}

func loadTCOReference(t *testing.T) tcoReference {
	raw, err := os.ReadFile("testdata/tco_reference.json")
	require.NoError(t, err)
	var ref tcoReference
	require.NoError(t, json.Unmarshal(raw, &ref))
	require.NotEmpty(t, ref.Source)
	return ref
}

func eur(s string) *outsourcing.Money {
	m := outsourcing.MustMoney(s, "EUR")
	return &m
}

func pct(s string) *outsourcing.Percent {
	p := outsourcing.MustPercent(s)
	return &p
}

func recurring(id string, cat CostCategory, amount string) CostLine {
	return CostLine{ID: id, Category: cat, Basis: CostBasisRecurring, Amount: eur(amount)}
}

func oneOff(id string, cat CostCategory, amount string, at int) CostLine {
	return CostLine{ID: id, Category: cat, Basis: CostBasisOneOff, Amount: eur(amount), Start: at}
}

func tcoModel(period PeriodUnit, horizon int, rate string, options ...SourcingOption) TCOModel {
	return TCOModel{ID: "m", Currency: "EUR", Period: period, Horizon: horizon, DiscountRate: outsourcing.MustPercent(rate),
		Baseline: options[0].ID, Options: options}
}

// switchModel turns the reference savings stream into a yearly model:
// in-house costs 100000 a year; the offer costs a 70000 transition at
// signing and 100000 − savings[k] in year k.
func switchModel(ref tcoReference) TCOModel {
	offer := SourcingOption{ID: "offer", Scope: SourcingScopeTotal, Location: SourcingLocationNearshore,
		Lines: []CostLine{oneOff("transition", CostCategoryTransition, ref.Switch.Savings[0][1:], 0)}}
	for k, s := range ref.Switch.Savings[1:] {
		fee := decimal.NewFromInt(100000).Sub(dec(s))
		l := recurring(fmt.Sprintf("fee-y%d", k+1), CostCategoryVendorFees, fee.String())
		l.Start, l.End = k+1, k+1
		offer.Lines = append(offer.Lines, l)
	}
	return tcoModel(PeriodUnitYear, len(ref.Switch.Savings)-1, ref.Switch.AnnualRate,
		SourcingOption{ID: "in-house", Scope: SourcingScopeInHouse, Lines: []CostLine{recurring("staff", CostCategoryStaff, "100000")}},
		offer)
}

func TestTCOReference(t *testing.T) {
	ref := loadTCOReference(t)
	t.Run("monthly annuity", func(t *testing.T) {
		a := ref.Annuity
		tc, err := CompileTCO(tcoModel(PeriodUnitMonth, a.Months, a.AnnualRate,
			SourcingOption{ID: "a", Lines: []CostLine{recurring("fee", CostCategoryVendorFees, a.MonthlyCost)}}))
		require.NoError(t, err)
		r := tc.Evaluate()
		assertDecimal(t, dec(a.Discounted).Round(2), r.Options[0].Discounted.Amount(), a.Source)
		assertDecimal(t, dec(a.MonthlyCost).Mul(decimal.NewFromInt(int64(a.Months))), r.Options[0].Nominal.Amount())
		assert.Len(t, r.Options[0].Costs, a.Months+1)
		assert.True(t, r.Options[0].Costs[0].Amount().IsZero())
		assert.Nil(t, r.Options[0].Savings)
		// the discounted total equals Excel's PV of the same annuity
		pv, err := finance.PV(r.PeriodRate, outsourcing.DecimalFromInt(int64(a.Months)), outsourcing.MustDecimal(a.MonthlyCost).Neg(),
			outsourcing.Decimal{}, finance.PaymentTimingEnd)
		require.NoError(t, err)
		assert.InDelta(t, pv.Float64(), r.Options[0].Discounted.Amount().Float64(), 0.005) // the PV rounded to cents
	})
	t.Run("capped escalation", func(t *testing.T) {
		e := ref.Escalation
		l := recurring("licence", CostCategoryLicences, e.YearlyCost)
		l.Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.MustPercent(e.Index)}, Cap: pct(e.Cap)}
		tc, err := CompileTCO(tcoModel(PeriodUnitYear, e.Years, e.AnnualRate, SourcingOption{ID: "a", Lines: []CostLine{l}}))
		require.NoError(t, err)
		r := tc.Evaluate().Options[0]
		assertDecimal(t, dec(e.Nominal), r.Nominal.Amount(), e.Source)
		assertDecimal(t, dec(e.Discounted).Round(2), r.Discounted.Amount(), e.Source)
		assertDecimal(t, dec("1030"), r.Costs[2].Amount())
		require.Len(t, r.Categories, 1)
		assert.Equal(t, CostCategoryLicences, r.Categories[0].Category)
	})
	t.Run("switch reproduces the Excel IRR example", func(t *testing.T) {
		s := ref.Switch
		tc, err := CompileTCO(switchModel(ref))
		require.NoError(t, err)
		r := tc.Evaluate()
		assert.Equal(t, "in-house", r.Baseline)
		sv := r.Options[1].Savings
		require.NotNil(t, sv)
		for p, want := range s.Savings {
			assertDecimal(t, dec(want), sv.PerPeriod[p].Amount(), "period ", p)
		}
		require.NotNil(t, sv.IRR)
		assertDecimal(t, dec(s.IRR), sv.IRR, s.Source)
		assertDecimal(t, dec(s.NPV).Round(2), sv.NPV.Amount())
		require.NotNil(t, sv.Payback)
		assertDecimal(t, dec(s.Payback), sv.Payback)
		assert.Nil(t, sv.DiscountedPayback, "NPV at 10 % is negative, so the discounted payback is never reached")
		assert.Equal(t, s.BreakEven, sv.BreakEven)
		assertDecimal(t, dec("22000"), sv.Nominal.Amount())
		be, err := tc.BreakEven("offer", InputDiscountRate)
		require.NoError(t, err)
		assertDecimal(t, dec(s.IRR).Shift(2).Round(BreakEvenPlaces), be)
	})
}

func TestTCOLineBases(t *testing.T) {
	fees := recurring("fees", CostCategoryVendorFees, "1000")
	retained := CostLine{ID: "gov", Category: CostCategoryRetainedOrganisation, Basis: CostBasisPercent, Percent: pct("8"), Of: []string{"fees"}}
	risk := recurring("risk", CostCategoryRiskContingency, "50000")
	risk.Probability = pct("2.5")
	exit := oneOff("exit", CostCategoryExit, "3000", 12)
	severance := oneOff("severance", CostCategorySeverance, "9000", 0)
	tc, err := CompileTCO(tcoModel(PeriodUnitMonth, 12, "0",
		SourcingOption{ID: "in", Lines: []CostLine{recurring("staff", CostCategoryStaff, "2000")}},
		SourcingOption{ID: "out", Lines: []CostLine{fees, retained, risk, exit, severance}}))
	require.NoError(t, err)
	r := tc.Evaluate().Options[1]
	// period 1: 1000 fees + 80 governance + 1250 expected loss
	assertDecimal(t, dec("2330"), r.Costs[1].Amount())
	assertDecimal(t, dec("9000"), r.Costs[0].Amount())
	assertDecimal(t, dec("5330"), r.Costs[12].Amount())
	assertDecimal(t, dec("12").Mul(dec("2330")).Add(dec("12000")), r.Nominal.Amount())
	cats := map[CostCategory]string{}
	for _, c := range r.Categories {
		cats[c.Category] = c.Nominal.Amount().Trim().String()
		assert.True(t, c.Nominal.Equal(c.Discounted), "rate 0: discounted equals nominal")
	}
	assert.Equal(t, map[CostCategory]string{CostCategoryVendorFees: "12000", CostCategoryRetainedOrganisation: "960",
		CostCategoryRiskContingency: "15000", CostCategoryExit: "3000", CostCategorySeverance: "9000"}, cats)
	// savings 24000 − 39960 over the year: never pays back
	sv := r.Savings
	assert.Nil(t, sv.Payback)
	assert.Equal(t, -1, sv.BreakEven)
	assert.Nil(t, sv.IRR, "savings never positive: no IRR")
}

// Savings of −20, 41, −20 a month change sign twice: 20v² − 41v + 20 =
// 20(v − 1.25)(v − 0.8), v = 1/(1+r), gives −20 % and 25 % a month. The
// reported rate is the one nearest 10 % a year (0.8 % a month): −20 % a
// month, (0.8)^12 − 1 a year; 10 % a month would have picked 25 %.
func TestTCOSavingsIRRSeveralRates(t *testing.T) {
	fee := func(id, amount string, period int) CostLine {
		l := recurring(id, CostCategoryVendorFees, amount)
		l.Start, l.End = period, period
		return l
	}
	tc, err := CompileTCO(tcoModel(PeriodUnitMonth, 2, "10",
		SourcingOption{ID: "in", Lines: []CostLine{recurring("staff", CostCategoryStaff, "100")}},
		SourcingOption{ID: "out", Lines: []CostLine{oneOff("transition", CostCategoryTransition, "20", 0), fee("m1", "59", 1), fee("m2", "120", 2)}}))
	require.NoError(t, err)
	sv := tc.Evaluate().Options[1].Savings
	for p, want := range []string{"-20", "41", "-20"} {
		assertDecimal(t, dec(want), sv.PerPeriod[p].Amount())
	}
	require.NotNil(t, sv.IRR)
	assertDecimal(t, "-0.931280523264", sv.IRR) // 0.8^12 − 1 = 0.068719476736 − 1
	r, err := tc.BreakEven("out", InputDiscountRate)
	require.NoError(t, err)
	assertDecimal(t, dec("-93.128052"), r)
}

func TestTCOTornadoAndBreakEven(t *testing.T) {
	in := recurring("staff", CostCategoryStaff, "10000")
	in.Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.MustPercent("4")}, Cap: pct("3")}
	out := recurring("fees", CostCategoryVendorFees, "7000")
	out.Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.MustPercent("2")}}
	gov := CostLine{ID: "gov", Category: CostCategoryRetainedOrganisation, Basis: CostBasisPercent, Percent: pct("10"), Of: []string{"fees"}}
	tr := oneOff("transition", CostCategoryTransition, "40000", 0)
	tc, err := CompileTCO(tcoModel(PeriodUnitMonth, 60, "8",
		SourcingOption{ID: "in", Lines: []CostLine{in}},
		SourcingOption{ID: "out", Lines: []CostLine{out, gov, tr}}))
	require.NoError(t, err)
	base := tc.Evaluate().Options[1].Savings.NPV

	tor, err := tc.Tornado("out", outsourcing.MustPercent("10"))
	require.NoError(t, err)
	assert.True(t, base.Equal(tor.Base))
	names := map[string]TornadoBar{}
	for i, b := range tor.Bars {
		names[b.Input] = b
		if i > 0 {
			assert.True(t, tor.Bars[i-1].Swing.Amount().GreaterThanOrEqual(b.Swing.Amount()), "sorted by swing")
		}
	}
	assert.Len(t, tor.Bars, 7)
	for _, n := range []string{InputDiscountRate, "in/staff", "in/staff/escalation", "out/fees", "out/fees/escalation", "out/gov", "out/transition"} {
		assert.Contains(t, names, n)
	}
	// A one-off at signing is not discounted: ±10 % of 40000 moves the NPV by ∓4000.
	tb := names["out/transition"]
	assertDecimal(t, base.Amount().Shopspring().Add(dec("4000")), tb.Low.Amount())
	assertDecimal(t, base.Amount().Shopspring().Sub(dec("4000")), tb.High.Amount())
	assertDecimal(t, dec("8000"), tb.Swing.Amount())
	// Raising the in-house escalation changes nothing: its 4 % index is capped at 3 % either way... up, but down to 3.6 % still capped.
	assert.True(t, names["in/staff/escalation"].Swing.Amount().IsZero())

	// Break-even amounts put the NPV of savings at zero.
	for _, input := range []string{"out/fees", "in/staff", "out/transition", "out/gov"} {
		t.Run("break-even "+input, func(t *testing.T) {
			v, err := tc.BreakEven("out", input)
			require.NoError(t, err)
			m := tc.Model()
			for oi := range m.Options {
				for li := range m.Options[oi].Lines {
					l := &m.Options[oi].Lines[li]
					if m.Options[oi].ID+"/"+l.ID != input {
						continue
					}
					if l.Amount != nil {
						l.Amount = eur(v.String())
					} else {
						l.Percent = pct(v.String())
					}
				}
			}
			tc2, err := CompileTCO(m)
			require.NoError(t, err)
			npv := tc2.Evaluate().Options[1].Savings.NPV
			assert.True(t, npv.Amount().Abs().LessThanOrEqual(outsourcing.MustDecimal("0.01")), "NPV at break-even %s is %s", v, npv)
		})
	}
	// Break-even escalations, as a constant index, do the same.
	for _, c := range []struct{ option, line int }{{1, 0}, {0, 0}} {
		m := tc.Model()
		l := &m.Options[c.option].Lines[c.line]
		input := m.Options[c.option].ID + "/" + l.ID + "/escalation"
		t.Run("break-even "+input, func(t *testing.T) {
			v, err := tc.BreakEven("out", input)
			require.NoError(t, err)
			l.Escalation.Index = []outsourcing.Percent{outsourcing.NewPercent(v)}
			tc2, err := CompileTCO(m)
			require.NoError(t, err)
			npv := tc2.Evaluate().Options[1].Savings.NPV
			assert.True(t, npv.Amount().Abs().LessThanOrEqual(outsourcing.MustDecimal("0.05")), "NPV at break-even %s is %s", v, npv)
		})
	}
	rate, err := tc.BreakEven("out", InputDiscountRate)
	require.NoError(t, err)
	irr := tc.Evaluate().Options[1].Savings.IRR
	require.NotNil(t, irr)
	assertDecimal(t, irr.Shopspring().Shift(2).Round(BreakEvenPlaces), rate)

	_, err = tc.BreakEven("out", "out/nothing")
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
	_, err = tc.BreakEven("in", "out/fees")
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = tc.Tornado("nope", outsourcing.MustPercent("10"))
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
	_, err = tc.Tornado("out", outsourcing.MustPercent("0"))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

func TestTCOBadInput(t *testing.T) {
	good := func() TCOModel {
		l := recurring("fees", CostCategoryVendorFees, "100")
		l.Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.MustPercent("2")}}
		return tcoModel(PeriodUnitMonth, 12, "8",
			SourcingOption{ID: "in", Lines: []CostLine{recurring("staff", CostCategoryStaff, "100")}},
			SourcingOption{ID: "out", Lines: []CostLine{l}})
	}
	_, err := CompileTCO(good())
	require.NoError(t, err)
	cases := []struct {
		name   string
		change func(m *TCOModel)
		is     error
		path   string
	}{
		{"horizon 0", func(m *TCOModel) { m.Horizon = 0 }, outsourcing.ErrInvalidInput, "/horizon"},
		{"horizon too long", func(m *TCOModel) { m.Horizon = MaxTCOHorizon + 1 }, outsourcing.ErrInvalidInput, "/horizon"},
		{"rate -100", func(m *TCOModel) { m.DiscountRate = outsourcing.MustPercent("-100") }, outsourcing.ErrInvalidInput, "/discount_rate"},
		{"unknown period", func(m *TCOModel) { m.Period = "week" }, outsourcing.ErrInvalidInput, "/period"},
		{"bad currency", func(m *TCOModel) { m.Currency = "XYZ" }, outsourcing.ErrInvalidInput, "/currency"},
		{"currency mismatch", func(m *TCOModel) { u := outsourcing.MustMoney("1", "USD"); m.Options[1].Lines[0].Amount = &u }, outsourcing.ErrCurrencyMismatch, "/options/1/lines/0/amount"},
		{"negative cap", func(m *TCOModel) { m.Options[1].Lines[0].Escalation.Cap = pct("-1") }, outsourcing.ErrInvalidInput, "/options/1/lines/0/escalation/cap"},
		{"index -100", func(m *TCOModel) { m.Options[1].Lines[0].Escalation.Index[0] = outsourcing.MustPercent("-100") }, outsourcing.ErrInvalidInput, "/options/1/lines/0/escalation/index/0"},
		{"unknown baseline", func(m *TCOModel) { m.Baseline = "x" }, outsourcing.ErrNotFound, "/baseline"},
		{"duplicate option", func(m *TCOModel) { m.Options[1].ID = "in" }, outsourcing.ErrInvalidInput, "/options/1/id"},
		{"duplicate line", func(m *TCOModel) { m.Options[1].Lines = append(m.Options[1].Lines, m.Options[1].Lines[0]) }, outsourcing.ErrInvalidInput, "/options/1/lines/1/id"},
		{"missing amount", func(m *TCOModel) { m.Options[1].Lines[0].Amount = nil }, outsourcing.ErrInvalidInput, "/options/1/lines/0/amount"},
		{"unknown category", func(m *TCOModel) { m.Options[1].Lines[0].Category = "snacks" }, outsourcing.ErrInvalidInput, "/options/1/lines/0/category"},
		{"unknown basis", func(m *TCOModel) { m.Options[1].Lines[0].Basis = "weekly" }, outsourcing.ErrInvalidInput, "/options/1/lines/0/basis"},
		{"period past horizon", func(m *TCOModel) { m.Options[1].Lines[0].End = 13 }, outsourcing.ErrInvalidInput, "/options/1/lines/0/end"},
		{"one-off past horizon", func(m *TCOModel) { m.Options[1].Lines[0] = oneOff("x", CostCategoryExit, "1", 13) }, outsourcing.ErrInvalidInput, "/options/1/lines/0/start"},
		{"probability over 100", func(m *TCOModel) { m.Options[1].Lines[0].Probability = pct("101") }, outsourcing.ErrInvalidInput, "/options/1/lines/0/probability"},
		{"percent of unknown line", func(m *TCOModel) {
			m.Options[1].Lines = append(m.Options[1].Lines, CostLine{ID: "g", Category: CostCategoryRetainedOrganisation, Basis: CostBasisPercent, Percent: pct("5"), Of: []string{"nope"}})
		}, outsourcing.ErrNotFound, "/options/1/lines/1/of/0"},
		{"percent of percent", func(m *TCOModel) {
			m.Options[1].Lines = append(m.Options[1].Lines, CostLine{ID: "g", Category: CostCategoryRetainedOrganisation, Basis: CostBasisPercent, Percent: pct("5"), Of: []string{"g"}})
		}, outsourcing.ErrInvalidInput, "/options/1/lines/1/of/0"},
		{"no options", func(m *TCOModel) { m.Options = nil }, outsourcing.ErrInvalidInput, "/options"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := good()
			m = cloneTCOModel(m)
			c.change(&m)
			_, err := CompileTCO(m)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.is)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, c.path, fe.Path, err.Error())
			assert.NotContains(t, err.Error(), "outsourcing", "only Parse functions name the package")
		})
	}
}

func TestTCOCompiledIsImmutable(t *testing.T) {
	m := tcoModel(PeriodUnitYear, 2, "5", SourcingOption{ID: "a", Lines: []CostLine{recurring("x", CostCategoryStaff, "10")}})
	tc, err := CompileTCO(m)
	require.NoError(t, err)
	m.Options[0].Lines[0].ID = "changed"
	assert.Equal(t, "x", tc.Model().Options[0].Lines[0].ID)
}

// fullTCOJSON fills every field of the schema.
const fullTCOJSON = `{
  "id": "service-desk", "name": "Service desk sourcing", "currency": "EUR", "period": "month",
  "horizon": 36, "discount_rate": "8", "baseline": "in-house",
  "options": [
    {"id": "in-house", "name": "Keep in house", "scope": "in_house", "lines": [
      {"id": "staff", "name": "Agents", "category": "staff", "basis": "recurring", "amount": {"amount": "42000.00", "currency": "EUR"},
       "start": 1, "end": 36, "escalation": {"index": ["3.5", "2.5"], "cap": "3", "every": 12}}
    ]},
    {"id": "vendor-a", "name": "Nearshore offer", "scope": "total", "location": "nearshore", "lines": [
      {"id": "fees", "category": "vendor_fees", "basis": "recurring", "amount": {"amount": "30000.00", "currency": "EUR"}, "start": 4},
      {"id": "gov", "category": "retained_organisation", "basis": "percent", "percent": "8", "of": ["fees"], "start": 4},
      {"id": "transition", "category": "transition", "basis": "one_off", "amount": {"amount": "60000.00", "currency": "EUR"}},
      {"id": "risk", "category": "risk_contingency", "basis": "recurring", "amount": {"amount": "100000.00", "currency": "EUR"}, "probability": "0.5"}
    ]}
  ]
}`

func TestParseTCOModel(t *testing.T) {
	m, err := ParseTCOModel([]byte(fullTCOJSON))
	require.NoError(t, err)
	assert.Equal(t, "service-desk", m.ID)
	assert.Equal(t, SourcingLocationNearshore, m.Options[1].Location)
	require.NotNil(t, m.Options[0].Lines[0].Escalation.Cap)
	// round trip: marshal, validate against the schema, parse again
	out, err := json.Marshal(m)
	require.NoError(t, err)
	require.NoError(t, TCOSchema().Validate(out), string(out))
	back, err := ParseTCOModel(out)
	require.NoError(t, err)
	assert.Equal(t, m, back)

	tc, err := CompileTCO(m)
	require.NoError(t, err)
	r := tc.Evaluate()
	assert.NotNil(t, r.Options[1].Savings)

	bad := []struct {
		name, doc, path string
		is              error
	}{
		{"unknown field", `{"id":"x","currency":"EUR","period":"month","horizon":1,"discount_rate":"1","baseline":"a","options":[{"id":"a","lines":[]}],"extra":1}`, "/extra", outsourcing.ErrInvalidInput},
		{"horizon 0", `{"id":"x","currency":"EUR","period":"month","horizon":0,"discount_rate":"1","baseline":"a","options":[{"id":"a","lines":[]}]}`, "/horizon", outsourcing.ErrInvalidInput},
		{"amount on percent line", `{"id":"x","currency":"EUR","period":"year","horizon":1,"discount_rate":"1","baseline":"a","options":[{"id":"a","lines":[
			{"id":"l","category":"staff","basis":"percent","percent":"1","of":["m"],"amount":{"amount":"1","currency":"EUR"}}]}]}`, "/options/0/lines/0/amount", outsourcing.ErrInvalidInput},
		{"negative cap", `{"id":"x","currency":"EUR","period":"year","horizon":1,"discount_rate":"1","baseline":"a","options":[{"id":"a","lines":[
			{"id":"l","category":"staff","basis":"recurring","amount":{"amount":"1","currency":"EUR"},"escalation":{"index":["1"],"cap":"-1"}}]}]}`, "/options/0/lines/0/escalation/cap", outsourcing.ErrInvalidInput},
		{"semantic: unknown baseline", `{"id":"x","currency":"EUR","period":"year","horizon":1,"discount_rate":"1","baseline":"b","options":[{"id":"a","lines":[]}]}`, "/baseline", outsourcing.ErrNotFound},
	}
	for _, b := range bad {
		t.Run(b.name, func(t *testing.T) {
			_, err := ParseTCOModel([]byte(b.doc))
			require.Error(t, err)
			assert.ErrorIs(t, err, b.is)
			var fe *outsourcing.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, b.path, fe.Path, err.Error())
			assertPkgPrefixOnce(t, err)
		})
	}
}

func FuzzParseTCOModel(f *testing.F) {
	f.Add([]byte(fullTCOJSON))
	f.Add([]byte(`{"id":"x","currency":"EUR","period":"year","horizon":1,"discount_rate":"1","baseline":"a","options":[{"id":"a","lines":[]}]}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		m, err := ParseTCOModel(doc)
		if err != nil {
			return
		}
		tc, err := CompileTCO(m)
		require.NoError(t, err, "a parsed model must compile")
		if m.Horizon <= 120 {
			_ = tc.Evaluate()
		}
	})
}

// benchmarkTCOModel has 3 options with 20 cost lines in total over 120
// months.
func benchmarkTCOModel() TCOModel {
	esc := func(l CostLine, idx, cap string) CostLine {
		l.Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.MustPercent(idx)}, Cap: pct(cap)}
		return l
	}
	in := SourcingOption{ID: "in-house", Lines: []CostLine{
		esc(recurring("agents", CostCategoryStaff, "85000"), "3.2", "4"),
		esc(recurring("leads", CostCategoryStaff, "18000"), "3.2", "4"),
		esc(recurring("tools", CostCategoryLicences, "6500"), "5", "3"),
		recurring("hosting", CostCategoryInfrastructure, "4200"),
		esc(recurring("facilities", CostCategoryInfrastructure, "7000"), "2", "2.5"),
		recurring("risk", CostCategoryRiskContingency, "250000"),
	}}
	in.Lines[5].Probability = pct("1")
	offer := func(id, fee string) SourcingOption {
		return SourcingOption{ID: id, Scope: SourcingScopeTotal, Lines: []CostLine{
			esc(recurring("fees", CostCategoryVendorFees, fee), "2.8", "3"),
			{ID: "gov", Category: CostCategoryRetainedOrganisation, Basis: CostBasisPercent, Percent: pct("7"), Of: []string{"fees"}},
			esc(recurring("tools", CostCategoryLicences, "2500"), "5", "3"),
			oneOff("transition", CostCategoryTransition, "180000", 0),
			oneOff("severance", CostCategorySeverance, "240000", 1),
			oneOff("kt", CostCategoryKnowledgeTransfer, "45000", 2),
			oneOff("exit", CostCategoryExit, "120000", 120),
		}}
	}
	return tcoModel(PeriodUnitMonth, 120, "8", in, offer("nearshore", "92000"), offer("offshore", "78000"))
}

func BenchmarkTCO10y(b *testing.B) {
	m := benchmarkTCOModel()
	b.ReportAllocs()
	for b.Loop() {
		tc, err := CompileTCO(m)
		if err != nil {
			b.Fatal(err)
		}
		_ = tc.Evaluate()
		for _, o := range []string{"nearshore", "offshore"} {
			if _, err := tc.Tornado(o, outsourcing.MustPercent("10")); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestTCOPaybackAfterQuietSigning: the payback period is the time until
// the cumulative savings turn non-negative after having been negative
// (Brealey, Myers and Allen, Principles of Corporate Finance, "The
// payback rule"). With nothing spent at signing and the transition in
// year 1 the cumulative savings are 0, −60, −20, +20: payback 2 + 20/40 =
// 2.5 years. The zero sum of period 0 used to count as paid back (0).
func TestTCOPaybackAfterQuietSigning(t *testing.T) {
	tc, err := CompileTCO(tcoModel(PeriodUnitYear, 5, "8",
		SourcingOption{ID: "in", Lines: []CostLine{recurring("staff", CostCategoryStaff, "100")}},
		SourcingOption{ID: "out", Lines: []CostLine{recurring("fees", CostCategoryVendorFees, "60"),
			oneOff("transition", CostCategoryTransition, "100", 1)}}))
	require.NoError(t, err)
	sv := tc.Evaluate().Options[1].Savings
	require.NotNil(t, sv.Payback)
	assertDecimal(t, dec("2.5"), *sv.Payback)
	// Discounted at 8 %: −55.5556, −21.2620, +10.4913 cumulative.
	require.NotNil(t, sv.DiscountedPayback)
	assertDecimal(t, dec("2.6696"), *sv.DiscountedPayback)
	assert.Equal(t, 3, sv.BreakEven)
}

// TestTornadoKeepsRatesAboveMinus100: a change of 100 % doubles each
// input, and doubling a discount rate of −60 % gives −120 %, where
// 1 + rate < 0 has no discount factor (the high NPV came out with
// discount factors of alternating sign); doubling an index of −60 %
// makes a line's cost negative. Both are errors at /change.
func TestTornadoKeepsRatesAboveMinus100(t *testing.T) {
	offer := SourcingOption{ID: "out", Lines: []CostLine{recurring("fees", CostCategoryVendorFees, "60")}}
	in := SourcingOption{ID: "in", Lines: []CostLine{recurring("staff", CostCategoryStaff, "100")}}
	tc, err := CompileTCO(tcoModel(PeriodUnitYear, 5, "-60", in, offer))
	require.NoError(t, err)
	_, err = tc.Tornado("out", outsourcing.MustPercent("100"))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.Equal(t, "/change", outsourcing.FieldErrors(err)[0].Path)
	_, err = tc.Tornado("out", outsourcing.MustPercent("50"))
	require.NoError(t, err, "-60 % × 1.5 = -90 % is still a rate")

	deflating := recurring("fees", CostCategoryVendorFees, "60")
	deflating.Escalation = &Escalation{Index: []outsourcing.Percent{outsourcing.MustPercent("-60")}}
	tc, err = CompileTCO(tcoModel(PeriodUnitYear, 5, "8", in, SourcingOption{ID: "out", Lines: []CostLine{deflating}}))
	require.NoError(t, err)
	_, err = tc.Tornado("out", outsourcing.MustPercent("100"))
	require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}
