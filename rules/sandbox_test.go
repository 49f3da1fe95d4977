package rules_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// sandboxEnv is the environment of issue 10's escapes: 20,000 scores.
type sandboxEnv struct {
	Scores []int               `expr:"scores"`
	Words  []string            `expr:"words"`
	Name   string              `expr:"name"`
	Amount outsourcing.Decimal `expr:"amount"`
}

func bigSandboxEnv() sandboxEnv {
	return sandboxEnv{Scores: make([]int, 20_000), Words: []string{"a", "b"}, Name: "Acme", Amount: outsourcing.MustDecimal("1250.50")}
}

// probe counts its calls: the work a rule really did, counted without a
// clock.
type probe struct{ calls int }

func (p *probe) option() rules.Option {
	return rules.WithFunction("probe", func(args ...any) (any, error) {
		p.calls++
		return args[0], nil
	})
}

// The three rules of issue 10 stop with ErrLimit under the default options.
func TestSandboxIssueEscapes(t *testing.T) {
	for _, src := range []string{
		`all(scores, {{"k": sum(scores)}.k >= 0})`,
		`Round(amount, 20000000)`,
		`replace(repeat("x", 6000), "", repeat("y", 6000))`,
	} {
		t.Run(src, func(t *testing.T) {
			rs, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: src}})
			require.NoError(t, err)
			_, err = rs.Value("r", bigSandboxEnv())
			assert.ErrorIs(t, err, outsourcing.ErrLimit)
			assert.ErrorIs(t, err, outsourcing.ErrRule)
		})
	}
}

// Every builtin that builds a string or a collection is capped, and
// work anywhere in a predicate is charged.
func TestSandboxCaps(t *testing.T) {
	for name, src := range map[string]string{
		"repeat":                  `repeat("xy", 40000)`,
		"join":                    `len(join(map(1..5000, {"xxxxxxxxxxxxxxxxxxxx"}), ",")) > 0`,
		"upper":                   `upper(repeat("x", 40000))`,
		"toBase64":                `toBase64(repeat("x", 60000))`,
		"range":                   `len(1..100000) > 0`,
		"concat":                  `len(concat(scores, scores, scores, scores)) > 0`,
		"string of a list":        `len(string(scores)) > 0`,
		"untyped string doubling": `let s = ["xxxxxxxxxxxxxxxx"][0]; let a = s+s; let b = a+a; let c = b+b; let d = c+c; let e = d+d; let f = e+e; let g = f+f; let h = g+g; let i = h+h; let j = i+i; let k = j+j; let l = k+k; len(l+l) > 0`,
		"decimal squaring":        `let a = amount*amount; let b = a*a; let c = b*b; let d = c*c; let e = d*d; let f = e*e; f > 0`,
		"in in predicate":         `all(scores, {# in scores})`,
		"sort in predicate":       `all(1..50, {len(sort(scores)) > 0})`,
	} {
		t.Run(name, func(t *testing.T) {
			rs, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: src}})
			require.NoError(t, err)
			_, err = rs.Value("r", bigSandboxEnv())
			assert.ErrorIs(t, err, outsourcing.ErrLimit)
		})
	}
}

// Every node of a predicate's body is charged per iteration, whatever
// its kind: 20,000 iterations of a body of more than 5 nodes exceed a
// budget of 100,000 units, the same loop over a 1-node body does not.
func TestSandboxChargesEveryNode(t *testing.T) {
	for src, over := range map[string]bool{
		`any(scores, {{"a": [#, #], "b": {"c": #}}.b.c})`: true,
		`any(scores, {{"a": scores}.a[0]})`:               true,
		`any(scores, {name + "x" == "y"})`:                true,
		`any(scores, {#})`:                                false,
	} {
		type env struct {
			Scores []bool `expr:"scores"`
			Name   string `expr:"name"`
		}
		rs, err := rules.Compile[env]([]rules.Rule{{ID: "r", Expression: src}}, rules.WithBudget(100_000))
		require.NoError(t, err, src)
		_, err = rs.Bool("r", env{Scores: make([]bool, 20_000)})
		assert.Equal(t, over, errors.Is(err, outsourcing.ErrLimit), "%s: %v", src, err)
	}
}

// A host function that returns the text of a limit is still an ordinary
// rule error: only the sandbox's own typed error matches ErrLimit.
func TestSandboxLimitIsTyped(t *testing.T) {
	for _, text := range []string{"memory budget exceeded", "limit exceeded: evaluation budget of 1000000 units exceeded"} {
		fail := rules.WithFunction("fail", func(...any) (any, error) { return nil, errors.New(text) }, new(func() bool))
		rs, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: `fail()`}}, fail)
		require.NoError(t, err)
		_, err = rs.Bool("r", bigSandboxEnv())
		assert.ErrorIs(t, err, outsourcing.ErrRule)
		assert.NotErrorIs(t, err, outsourcing.ErrLimit, text)
	}
}

// Builtins off the allow-list do not compile; the meter's names cannot be
// written in a rule.
func TestSandboxAllowList(t *testing.T) {
	for _, src := range []string{
		`now().Year() > 2000`, `date("2024-01-01") != nil`, `timezone("Europe/Paris") != nil`,
		`duration("1h") != nil`, `len(uniq(scores)) > 0`, `reduce(scores, #acc + #, 0) > 0`,
		`len(toJSON(scores)) > 0`, `fromJSON("1") != nil`, `meter# != nil`, `let arg#1 = 1; true`,
	} {
		_, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: src}})
		assert.ErrorIs(t, err, outsourcing.ErrRule, src)
	}
}

// The sandbox leaves the allowed builtins' results as the expr language
// definition documents them (https://expr-lang.org/docs/language-definition).
func TestSandboxBuiltinsStillWork(t *testing.T) {
	cases := map[string]any{
		`join(split("a,b,c", ","), "-")`:   "a-b-c",
		`replace("Hello World", "o", "0")`: "Hell0 W0rld",
		`repeat("Hi", 3)`:                  "HiHiHi",
		`upper("hello")`:                   "HELLO",
		`trim("  Hello  ")`:                "Hello",
		`indexOf("apple pie", "pie")`:      6,
		`sum([1, 2, 3])`:                   6,
		`len(filter(1..10, # % 2 == 0))`:   5,
		`sort([3, 1, 4])`:                  []any{1, 3, 4},
		`toBase64("Hello World")`:          "SGVsbG8gV29ybGQ=",
		`"a" + "b" in ["ab", "c"]`:         true,
		`string(42) + "%"`:                 "42%",
		`count(words, # == "a")`:           1,
	}
	for src, want := range cases {
		rs, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: src}})
		require.NoError(t, err, src)
		got, err := rs.Value("r", bigSandboxEnv())
		require.NoError(t, err, src)
		assert.Equal(t, want, got, src)
	}
}

// Nested loops stop after work proportional to the budget, counted by
// the calls of a host function in the innermost body.
func TestSandboxCountedWork(t *testing.T) {
	for _, budget := range []uint{1_000, rules.DefaultBudget} {
		var p probe
		rs, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: `any(scores, {any(scores, {probe(#) > 0})})`}},
			p.option(), rules.WithBudget(budget))
		require.NoError(t, err)
		_, err = rs.Bool("r", bigSandboxEnv())
		assert.ErrorIs(t, err, outsourcing.ErrLimit)
		assert.LessOrEqual(t, p.calls, int(budget), "the innermost body ran at most once per unit")
		assert.Greater(t, p.calls, int(budget)/10, "and was not stopped early")
	}
}

// Membership and equality that compare by value are charged for the
// elements they may compare, like expr's own `in`: a list built once and
// scanned in every iteration exceeds the budget.
func TestSandboxChargesValueComparisons(t *testing.T) {
	env := sandboxEnv{Scores: make([]int, 2_000), Amount: outsourcing.MustDecimal("1")}
	for _, src := range []string{
		`let l = map(scores, #); any(scores, {amount in l})`,
		`let l = map(scores, #); all(scores, {[l] == [l]})`,
		`let l = map(scores, [#]); all(scores, {{"a": l} == {"a": l}})`,
	} {
		rs, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: src}}, rules.WithBudget(100_000))
		require.NoError(t, err, src)
		_, err = rs.Bool("r", env)
		assert.ErrorIs(t, err, outsourcing.ErrLimit, src)
	}
}
