package rules_test

import (
	"errors"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// ruleGen writes a random rule over sandboxEnv from fuzz bytes: nested
// builtins (allowed or not), predicates, operators, literals, map and
// list literals, member access, lets and probe calls.
type ruleGen struct {
	data []byte
	lets int
}

func (g *ruleGen) pick(n int) int {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return int(b) % n
}

var (
	genLeaves   = []string{"scores", "words", "name", "amount", "#", "1", "20000", `"x"`, `""`, "true", "[1, 2, 3]", `{"k": 1}`, "1..500", `Dec("0.1")`, "nil"}
	genBuiltins = []string{"len", "sum", "max", "min", "mean", "median", "string", "int", "float", "upper", "lower", "trim",
		"split", "join", "replace", "repeat", "indexOf", "hasPrefix", "keys", "values", "toPairs", "reverse", "concat",
		"flatten", "sort", "take", "first", "last", "get", "toBase64", "fromBase64", "abs", "round", "uniq", "toJSON", "now", "Round", "Abs"}
	genPredicates = []string{"all", "any", "none", "one", "filter", "map", "count", "find", "sortBy", "groupBy", "sum", "reduce"}
	genOperators  = []string{"+", "-", "*", "/", "==", "<", ">=", "in", "..", "&&", "||", "matches", "contains", "??"}
)

func (g *ruleGen) expr(depth int) string {
	if depth > 5 {
		return genLeaves[g.pick(len(genLeaves))]
	}
	switch g.pick(8) {
	case 0:
		name := genBuiltins[g.pick(len(genBuiltins))]
		args := make([]string, 1+g.pick(3))
		for i := range args {
			args[i] = g.expr(depth + 1)
		}
		return name + "(" + strings.Join(args, ", ") + ")"
	case 1:
		return genPredicates[g.pick(len(genPredicates))] + "(" + g.expr(depth+1) + ", {" + g.expr(depth+1) + "})"
	case 2:
		return "(" + g.expr(depth+1) + " " + genOperators[g.pick(len(genOperators))] + " " + g.expr(depth+1) + ")"
	case 3:
		return `{"k": ` + g.expr(depth+1) + `, "l": [` + g.expr(depth+1) + `]}.k`
	case 4:
		return g.expr(depth+1) + "[" + g.expr(depth+1) + "]"
	case 5:
		g.lets++
		v := "v" + strconv.Itoa(g.lets)
		return "(let " + v + " = " + g.expr(depth+1) + "; " + v + " " + genOperators[g.pick(len(genOperators))] + " " + v + ")"
	case 6:
		return "probe(" + g.expr(depth+1) + ")"
	}
	return genLeaves[g.pick(len(genLeaves))]
}

// fuzzBudget is small so that an evaluation that escaped the meter would
// show far above it.
const fuzzBudget = 10_000

// FuzzRuleSandbox compiles random rules over a fixed environment and
// checks that every evaluation finishes or fails with ErrLimit or a
// rule error, that the probe in its bodies ran at most once per unit of
// budget, and that the memory it allocated stays within a constant
// times the budget.
func FuzzRuleSandbox(f *testing.F) {
	r := rand.New(rand.NewPCG(10, 10))
	for range 64 {
		seed := make([]byte, 48)
		for i := range seed {
			seed[i] = byte(r.IntN(256))
		}
		f.Add(seed)
	}
	env := bigSandboxEnv()
	env.Scores = env.Scores[:2_000]
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &ruleGen{data: data}
		src := g.expr(0)
		var p probe
		rs, err := rules.Compile[sandboxEnv]([]rules.Rule{{ID: "r", Expression: src}}, p.option(), rules.WithBudget(fuzzBudget))
		if err != nil {
			if !errors.Is(err, outsourcing.ErrRule) {
				t.Fatalf("%s: compile error %v is not a rule error", src, err)
			}
			return
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		_, err = rs.Value("r", env)
		runtime.ReadMemStats(&after)
		if err != nil && !errors.Is(err, outsourcing.ErrRule) {
			t.Fatalf("%s: %v is neither a limit nor a rule error", src, err)
		}
		if p.calls > fuzzBudget {
			t.Fatalf("%s: the probe ran %d times on a budget of %d", src, p.calls, fuzzBudget)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256*fuzzBudget+1<<20 {
			t.Fatalf("%s: allocated %d bytes on a budget of %d", src, alloc, fuzzBudget)
		}
	})
}
