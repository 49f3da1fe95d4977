package rules_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// vendorEnv is a screening environment as a procurement tool would pass it.
type vendorEnv struct {
	Name           string              `expr:"name"`
	YearsInBiz     int                 `expr:"years_in_business"`
	Headcount      int                 `expr:"headcount"`
	Certifications []string            `expr:"certifications"`
	Certified      map[string]bool     `expr:"certified"`
	Revenue        outsourcing.Decimal `expr:"revenue"`
	Fee            outsourcing.Decimal `expr:"fee"`
	Credit         outsourcing.Decimal `expr:"credit"`
	Quote          outsourcing.Money   `expr:"quote"`
	Budget         outsourcing.Money   `expr:"budget"`
	Hours          outsourcing.Decimal `expr:"hours"`
	Rate           outsourcing.Decimal `expr:"rate"`
	Expenses       outsourcing.Decimal `expr:"expenses"`
	Cap            outsourcing.Decimal `expr:"cap"`
	Scores         []int               `expr:"scores"`
	Tags           map[string]string   `expr:"tags"`
	Nested         []vendorEnvChildren `expr:"children"`
}

type vendorEnvChildren struct {
	Certs []string `expr:"certs"`
}

func sampleVendor() vendorEnv {
	return vendorEnv{
		Name: "Acme", YearsInBiz: 12, Headcount: 850,
		Certifications: []string{"ISO27001", "ISO20000"},
		Certified:      map[string]bool{"ISO27001": true, "ISO20000": true},
		Revenue:        outsourcing.MustDecimal("120000000"),
		Fee:            outsourcing.MustDecimal("1000.00"),
		Credit:         outsourcing.MustDecimal("100.0"),
		Quote:          outsourcing.MustMoney("950000", "EUR"),
		Budget:         outsourcing.MustMoney("1000000", "EUR"),
		Hours:          outsourcing.MustDecimal("160"),
		Rate:           outsourcing.MustDecimal("85.50"),
		Expenses:       outsourcing.MustDecimal("900"),
		Cap:            outsourcing.MustDecimal("15000"),
		Scores:         []int{7, 8, 9},
	}
}

func TestRuleSetConditionsAndValues(t *testing.T) {
	rs, err := rules.Compile[vendorEnv]([]rules.Rule{
		{ID: "experience", Expression: `years_in_business >= 3`},
		{ID: "iso27001", Expression: `"ISO27001" in certifications`, Severity: outsourcing.SeverityCritical},
		{ID: "small", Expression: `headcount < 50`},
		{ID: "five_percent", Expression: `fee * 0.05`},
		{ID: "credit_over_100", Expression: `credit > 100`},
		{ID: "credit_is_100", Expression: `credit == Dec("100.00")`},
		{ID: "within_budget", Expression: `quote <= budget`},
		{ID: "label", Expression: `name + " (" + string(headcount) + ")"`},
		{ID: "tenth", Expression: `Dec("0.1") + 0.2`},
	})
	require.NoError(t, err)
	env := sampleVendor()

	matched, err := rs.Matching(env)
	require.NoError(t, err)
	assert.Equal(t, []string{"experience", "iso27001", "credit_is_100", "within_budget"}, matched)
	failing, err := rs.Failing(env)
	require.NoError(t, err)
	assert.Equal(t, []string{"small", "credit_over_100"}, failing)

	d, err := rs.Decimal("five_percent", env)
	require.NoError(t, err)
	assertDecimal(t, "50", d)
	d, err = rs.Decimal("tenth", env)
	require.NoError(t, err)
	assert.Equal(t, "0.3", d.String(), "0.1 + 0.2 is exactly 0.3 with decimals")
	s, err := rs.Value("label", env)
	require.NoError(t, err)
	assert.Equal(t, "Acme (850)", s)
	kind, ok := rs.Kind("five_percent")
	assert.True(t, ok)
	assert.Equal(t, rules.ResultDecimal, kind)

	results, err := rs.Eval(env)
	require.NoError(t, err)
	require.Len(t, results, rs.Len())
	assert.Equal(t, true, results[0].Value)
}

func TestRuleDecimalSemantics(t *testing.T) {
	type env struct {
		A outsourcing.Decimal `expr:"a"`
		B outsourcing.Decimal `expr:"b"`
		F float64             `expr:"f"`
		N int                 `expr:"n"`
	}
	e := env{A: outsourcing.MustDecimal("1.0"), B: outsourcing.MustDecimal("1.00"), F: 0.1, N: 3}
	cases := []struct {
		expr string
		want any
	}{
		{`a == b`, true},
		{`a != b`, false},
		{`a >= 1 && a <= 1.0`, true},
		{`a * 0.1 == Dec("0.1")`, true},
		{`0.1 * a == Dec("0.1")`, true},
		{`a / n`, "0.3333333333333333333333333333"},
		{`a - 0.9`, "0.1"},
		{`f + a`, "1.1"},
		{`Round(Dec("2.675"), 2)`, "2.68"},
		{`Abs(Dec("-2"))`, "2"},
		{`Float(a) == 1.0`, true},
		{`a in [Dec("1.00"), 2]`, true},
		{`a in [2, 3.5]`, false},
		{`b not in [Dec("1")]`, false},
		{`a in [1]`, true},
	}
	for _, c := range cases {
		t.Run(c.expr, func(t *testing.T) {
			rs, err := rules.Compile[env]([]rules.Rule{{ID: "r", Expression: c.expr}})
			require.NoError(t, err)
			got, err := rs.Value("r", e)
			require.NoError(t, err)
			if want, ok := c.want.(string); ok {
				d, ok := got.(outsourcing.Decimal)
				require.True(t, ok, "%T", got)
				assert.Equal(t, want, d.String())
				return
			}
			assert.Equal(t, c.want, got)
		})
	}
}

func TestRuleMoneyCurrencies(t *testing.T) {
	type env struct {
		EUR outsourcing.Money `expr:"eur"`
		USD outsourcing.Money `expr:"usd"`
	}
	e := env{EUR: outsourcing.MustMoney("10", "EUR"), USD: outsourcing.MustMoney("10", "USD")}
	rs, err := rules.Compile[env]([]rules.Rule{
		{ID: "mixed_compare", Expression: `eur > usd`},
		{ID: "mixed_sum", Expression: `eur + usd`},
		{ID: "scaled", Expression: `eur * 1.5 + eur / 4`},
	})
	require.NoError(t, err)
	_, err = rs.Bool("mixed_compare", e)
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	assert.ErrorIs(t, err, outsourcing.ErrRule)
	_, err = rs.Money("mixed_sum", e)
	assert.ErrorIs(t, err, outsourcing.ErrCurrencyMismatch)
	m, err := rs.Money("scaled", e)
	require.NoError(t, err)
	assert.Equal(t, "17.50 EUR", m.String())
	_, err = rules.Compile[env]([]rules.Rule{{ID: "r", Expression: `eur > 100`}})
	assert.ErrorIs(t, err, outsourcing.ErrRule, "Money never compares with a bare number")
}

func TestRuleCompileErrors(t *testing.T) {
	cases := []struct {
		name     string
		rules    []rules.Rule
		sentinel error
		line     int
		column   int
	}{
		{"syntax", []rules.Rule{{ID: "s", Expression: "headcount >"}}, outsourcing.ErrRule, 1, 11},
		{"unknown field", []rules.Rule{{ID: "u", Expression: "headcount > 1 &&\n  turnover > 5"}}, outsourcing.ErrRule, 2, 3},
		{"wrong result type", []rules.Rule{{ID: "w", Expression: "headcount + 1", Type: rules.ResultBool}}, outsourcing.ErrRule, 1, 1},
		{"type mismatch", []rules.Rule{{ID: "t", Expression: `name > 5`}}, outsourcing.ErrRule, 1, 6},
		{"duplicate id", []rules.Rule{{ID: "d", Expression: "true"}, {ID: "d", Expression: "false"}}, outsourcing.ErrInvalidInput, 0, 0},
		{"empty expression", []rules.Rule{{ID: "e", Expression: "  "}}, outsourcing.ErrInvalidInput, 0, 0},
		{"bad id", []rules.Rule{{ID: "has space", Expression: "true"}}, outsourcing.ErrInvalidInput, 0, 0},
		{"unknown type", []rules.Rule{{ID: "k", Expression: "true", Type: "date"}}, outsourcing.ErrInvalidInput, 0, 0},
		{"clock", []rules.Rule{{ID: "c", Expression: "now().Year() > 2000"}}, outsourcing.ErrRule, 0, 0},
		{"tz database", []rules.Rule{{ID: "z", Expression: `timezone("Europe/Paris") != nil`}}, outsourcing.ErrRule, 0, 0},
		{"quadratic uniq", []rules.Rule{{ID: "q", Expression: `len(uniq(scores)) > 1`}}, outsourcing.ErrRule, 0, 0},
		{"untyped accumulator", []rules.Rule{{ID: "a", Expression: `len(reduce(1..64, #acc + #acc, "ab")) > 0`}}, outsourcing.ErrRule, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := rules.Compile[vendorEnv](c.rules)
			require.Error(t, err)
			assert.ErrorIs(t, err, c.sentinel)
			var re *outsourcing.RuleError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, c.rules[len(c.rules)-1].ID, re.Rule)
			if c.line > 0 {
				assert.Equal(t, c.line, re.Line, re.Error())
				assert.Equal(t, c.column, re.Column, re.Error())
			}
		})
	}
	_, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "n", Expression: "headcount"}}, rules.RequireBool())
	assert.ErrorIs(t, err, outsourcing.ErrRule)

	// Every problem is reported, in rule order.
	_, err = rules.Compile[vendorEnv]([]rules.Rule{
		{ID: "a", Expression: "nope"}, {ID: "b", Expression: "true"}, {ID: "c", Expression: "(("}})
	require.Error(t, err)
	msg := err.Error()
	assert.Less(t, strings.Index(msg, `"a"`), strings.Index(msg, `"c"`))
	assert.NotContains(t, msg, `"b"`)
}

func TestRuleLimits(t *testing.T) {
	t.Run("source length", func(t *testing.T) {
		long := strings.Repeat("headcount > 1 && ", 300) + "true"
		_, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "long", Expression: long}})
		assert.ErrorIs(t, err, outsourcing.ErrLimit)
	})
	t.Run("ast nodes", func(t *testing.T) {
		wide := strings.Repeat("1+", 200) + "1"
		_, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "wide", Expression: wide}}, rules.WithMaxNodes(100))
		assert.ErrorIs(t, err, outsourcing.ErrLimit)
	})
	t.Run("rule count", func(t *testing.T) {
		_, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "a", Expression: "true"}, {ID: "b", Expression: "true"}}, rules.WithMaxRules(1))
		assert.ErrorIs(t, err, outsourcing.ErrLimit)
	})
	runaway := map[string]string{
		"billion range":          `len(1..1000000000) > 0`,
		"nested loops":           `any(scores, {any(scores, {any(scores, {probe(#) > 0})})})`,
		"string doubling":        `let s = "xxxxxxxxxxxxxxxx"; let a = s+s; let b = a+a; let c = b+b; let d = c+c; let e = d+d; let f = e+e; let g = f+f; let h = g+g; let i = h+h; let j = i+i; let k = j+j; let l = k+k; let m = l+l; let n = m+m; let o = n+n; let p = o+o; len(p+p) > 0`,
		"repeat":                 `len(repeat("x", 1000000)) > 0`,
		"sort in a loop":         `all(1..100000, {len(sort(scores)) > 0})`,
		"builtin reading a lot":  `all(scores, {sum(scores) >= 0})`,
		"membership in a loop":   `all(scores, {# in scores})`,
		"map of a map of ranges": `len(map(1..2000, {map(1..2000, {#})})) > 0`,
	}
	big := sampleVendor()
	big.Scores = make([]int, 10_000)
	for name, src := range runaway {
		t.Run(name, func(t *testing.T) {
			var p probe
			rs, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "r", Expression: src}}, p.option())
			if err != nil {
				assert.ErrorIs(t, err, outsourcing.ErrLimit)
				return
			}
			_, err = rs.Bool("r", big)
			assert.ErrorIs(t, err, outsourcing.ErrLimit)
			assert.ErrorIs(t, err, outsourcing.ErrRule)
			assert.LessOrEqual(t, p.calls, rules.DefaultBudget, "stopped within the budget")
		})
	}
	t.Run("budget option", func(t *testing.T) {
		rs, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "r", Expression: `all(scores, {# >= 0})`}}, rules.WithBudget(50))
		require.NoError(t, err)
		small := sampleVendor()
		ok, err := rs.Bool("r", small)
		require.NoError(t, err)
		assert.True(t, ok)
		_, err = rs.Bool("r", big)
		assert.ErrorIs(t, err, outsourcing.ErrLimit, "10,000 iterations exceed a budget of 50")
	})
}

func TestRuleRuntimeErrors(t *testing.T) {
	rs, err := rules.Compile[vendorEnv]([]rules.Rule{
		{ID: "div", Expression: `fee / (credit - 100)`},
		{ID: "index", Expression: `scores[10] > 0`},
		{ID: "cond", Expression: `headcount > 0`},
	})
	require.NoError(t, err)
	_, err = rs.Decimal("div", sampleVendor())
	assert.ErrorIs(t, err, outsourcing.ErrRule)
	_, err = rs.Bool("index", sampleVendor())
	var re *outsourcing.RuleError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "index", re.Rule)
	_, err = rs.Bool("missing", sampleVendor())
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
	_, err = rs.Bool("div", sampleVendor())
	assert.ErrorIs(t, err, outsourcing.ErrRule)
	_, err = rs.Eval(sampleVendor())
	assert.ErrorIs(t, err, outsourcing.ErrRule)
	_, err = rs.Matching(sampleVendor())
	assert.Error(t, err)
}

func TestRuleExplain(t *testing.T) {
	rs, err := rules.Compile[vendorEnv]([]rules.Rule{
		{ID: "shortlist", Description: "experienced, certified and affordable",
			Expression: `years_in_business >= 3 && "ISO27001" in certifications && !(quote > budget)`},
		{ID: "big", Expression: `headcount > 1000`},
	})
	require.NoError(t, err)
	ex, err := rs.Explain(sampleVendor())
	require.NoError(t, err)
	assert.Equal(t, []string{"shortlist"}, ex.Matched())
	conds := ex.Rules[0].Conditions
	require.Len(t, conds, 3)
	assert.Equal(t, `years_in_business >= 3`, conds[0].Expression)
	assert.Equal(t, true, conds[0].Value)
	assert.Equal(t, 12, conds[0].Left)
	assert.Equal(t, 3, conds[0].Right)
	assert.Equal(t, false, conds[2].Value)
	big := ex.Rules[1]
	assert.False(t, big.Matched)
	require.Len(t, big.Conditions, 1)
	assert.Equal(t, 850, big.Conditions[0].Left)
}

func TestRuleInputs(t *testing.T) {
	rs, err := rules.Compile[vendorEnv]([]rules.Rule{
		{ID: "a", Expression: `let least = 3; years_in_business >= least && quote.Amount() < revenue`},
		{ID: "b", Expression: `any(children, {"ISO9001" in .certs}) || len(certifications) > 2`},
	})
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{
		"a": {"quote", "revenue", "years_in_business"},
		"b": {"certifications", "children"},
	}, rs.Inputs())
}

func TestRuleSetConcurrentUse(t *testing.T) {
	rs, err := rules.Compile[vendorEnv]([]rules.Rule{
		{ID: "screen", Expression: `years_in_business >= 3 && certified["ISO27001"] && headcount > 100 && revenue > 1000000 && quote <= budget`},
		{ID: "fee", Expression: `fee * 0.05 + credit`},
	})
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			env := sampleVendor()
			env.YearsInBiz = g % 5
			for range 200 {
				ok, err := rs.Bool("screen", env)
				if err != nil || ok != (g%5 >= 3) {
					errs <- fmt.Errorf("goroutine %d: %v %v", g, ok, err)
					return
				}
				d, err := rs.Decimal("fee", env)
				if err != nil || !d.Equal(outsourcing.MustDecimal("150")) {
					errs <- fmt.Errorf("goroutine %d: fee %v %v", g, d, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestRuleSetIsImmutable(t *testing.T) {
	list := []rules.Rule{{ID: "a", Expression: "true", Tags: []string{"x"}}}
	rs, err := rules.Compile[vendorEnv](list)
	require.NoError(t, err)
	list[0].Tags[0] = "changed"
	list[0].Expression = "false"
	got := rs.Rules()
	assert.Equal(t, "x", got[0].Tags[0])
	got[0].Tags[0] = "changed again"
	assert.Equal(t, "x", rs.Rules()[0].Tags[0])
	ok, err := rs.Bool("a", vendorEnv{})
	require.NoError(t, err)
	assert.True(t, ok)
}

func TestRuleErrorMessages(t *testing.T) {
	_, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "u", Expression: "turnover > 5"}})
	assert.Contains(t, err.Error(), `rule "u" (1:1)`)
	assert.True(t, errors.Is(err, outsourcing.ErrRule))
	assert.NotContains(t, err.Error(), "rules: ", "the caller's package adds its prefix")

	// No evaluation entry point adds a prefix of its own.
	rs, err := rules.Compile[vendorEnv]([]rules.Rule{{ID: "div", Expression: `fee / (credit - 100)`}})
	require.NoError(t, err)
	_, errDecimal := rs.Decimal("div", sampleVendor())
	_, errMoney := rs.Money("div", sampleVendor())
	_, errBool := rs.Bool("div", sampleVendor())
	_, errEval := rs.Eval(sampleVendor())
	_, errExplain := rs.Explain(sampleVendor())
	_, errMissing := rs.Value("missing", sampleVendor())
	for _, err := range []error{errDecimal, errMoney, errBool, errEval, errExplain, errMissing} {
		require.Error(t, err)
		assert.NotContains(t, err.Error(), "rules: ", err.Error())
	}
}

func TestRuleEnvironmentKinds(t *testing.T) {
	list := []rules.Rule{{ID: "a", Expression: "x > 1"}}
	_, err := rules.Compile[map[string]any](list)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, "a map loses type checking")
	_, err = rules.Compile[int](list)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	_, err = rules.Compile[*int](list)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
	type env struct {
		X int `expr:"x"`
	}
	rs, err := rules.Compile[*env](list)
	require.NoError(t, err)
	_, err = rs.Bool("a", nil)
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput, "a nil environment is refused, not dereferenced")
	ok, err := rs.Bool("a", &env{X: 2})
	require.NoError(t, err)
	assert.True(t, ok)
}
