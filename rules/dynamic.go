package rules

import (
	"fmt"
	"reflect"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm/runtime"
	"github.com/outsourcing-go/outsourcing"
)

// Comparisons whose operand types are known only at run time. The
// operator overloads of decimal.go are chosen by static type, but an
// element of a filtered list, a ternary of mixed branches, a map literal's
// value or a builtin's result (first(ds), get(m, k)) is statically `any`.
// expr compared such a value with reflect.DeepEqual, so first(ds) == 3
// and {"a": fee}.a == 1000.5 were silently false for decimals equal to
// them, and 1.0 was not 1.00. dynamicComparisons routes those comparisons
// to functions that look at the values: decimals and Money compare as the
// static overloads do (Money only with Money of its currency); any other
// pair compares as expr would.

// dynamicOps are the comparison operators rewritten, with expr's own
// meaning for operands that are neither decimals nor Money.
var dynamicOps = map[string]func(a, b any) bool{
	"==": runtime.Equal, "!=": func(a, b any) bool { return !runtime.Equal(a, b) },
	"<": runtime.Less, "<=": runtime.LessOrEqual, ">": runtime.More, ">=": runtime.MoreOrEqual,
}

// dynamicComparisons rewrites a comparison with an operand of static type
// `any` and another that is `any`, a number, a decimal or Money into a
// call of _dyn_<op>.
type dynamicComparisons struct{}

// Visit implements ast.Visitor.
func (dynamicComparisons) Visit(node *ast.Node) {
	b, ok := (*node).(*ast.BinaryNode)
	if !ok || dynamicOps[b.Operator] == nil {
		return
	}
	l, r := b.Left.Type(), b.Right.Type()
	if !(isUnknown(l) && mayBeNumeric(r) || isUnknown(r) && mayBeNumeric(l)) {
		return
	}
	call := &ast.CallNode{
		Callee:    &ast.IdentifierNode{Value: "_dyn_" + opNames[b.Operator]},
		Arguments: []ast.Node{b.Left, b.Right},
	}
	ast.Patch(node, call)
	call.SetType(reflect.TypeFor[bool]())
}

func isUnknown(t reflect.Type) bool { return t == nil || t.Kind() == reflect.Interface }

// mayBeNumeric reports whether a value of type t may be a number, a
// decimal or Money.
func mayBeNumeric(t reflect.Type) bool {
	if isUnknown(t) || t == decimalType || t == moneyType {
		return true
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// dynamicOptions returns the _dyn_<op> functions.
func dynamicOptions() []expr.Option {
	var opts []expr.Option
	for op, fallback := range dynamicOps {
		test := decimalComparisons[op]
		opts = append(opts, expr.Function("_dyn_"+opNames[op], func(p ...any) (any, error) {
			return compareDynamic(p[0], p[1], test, fallback)
		}, new(func(any, any) bool)))
	}
	return opts
}

// compareDynamic compares a and b as decimals or Money when either is
// one, and with expr's fallback otherwise (nil included: a decimal is
// never equal to nil). A decimal or Money next to a value it cannot
// compare with is an error, as the same comparison of static types is
// at compile time.
func compareDynamic(a, b any, test func(int) bool, fallback func(a, b any) bool) (bool, error) {
	ma, aMoney := a.(outsourcing.Money)
	mb, bMoney := b.(outsourcing.Money)
	_, aDec := a.(outsourcing.Decimal)
	_, bDec := b.(outsourcing.Decimal)
	switch {
	case a == nil || b == nil:
	case aMoney && bMoney:
		c, err := ma.Cmp(mb)
		return err == nil && test(c), err
	case aMoney || bMoney:
		return false, fmt.Errorf("cannot compare %T with %T", a, b)
	case aDec || bDec:
		x, y, err := decimalOperands([]any{a, b})
		if err != nil {
			return false, err
		}
		return test(x.Cmp(y)), nil
	}
	return fallback(a, b), nil
}
