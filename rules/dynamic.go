package rules

import (
	"errors"
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
// value or a builtin's result (first(ds), get(m, k)) is statically `any`,
// and lists and maps hold such values. expr compared them with
// reflect.DeepEqual, so first(ds) == 3, {"a": fee}.a in [1000.5] and
// [fee] == [1000.5] were silently false for decimals equal to them, and
// 1.0 was not 1.00. dynamicComparisons routes those comparisons to
// functions that look at the values:
//   - decimals and numbers compare by value, Money only with Money of
//     its currency (ErrCurrencyMismatch otherwise) and never with a bare
//     number;
//   - lists are equal when they have the same length and equal elements,
//     maps when they have the same keys and equal values, and x in list
//     holds when x equals an element, all by these rules;
//   - a decimal and a value of another kind (a string, a list, nil) are
//     unequal, and cannot be ordered;
//   - anything else compares as expr would.
//
// first, last, find and get yield nil when they find no element (expr's
// documented result, for a nil list or map as for an empty one), even
// where their static type is the element's. A comparison with such a call
// is routed here too: nil equals only nil, and ordering it is a rule
// error naming the cause, as is arithmetic on it.

// foundNothing explains a nil operand in errors.
const foundNothing = "first, last, find or get found no element"

// dynamicOps are the comparison operators rewritten, with expr's own
// meaning for operands that are neither decimals nor Money (== and != use
// equalValues instead).
var dynamicOps = map[string]func(a, b any) bool{
	"==": nil, "!=": nil,
	"<": runtime.Less, "<=": runtime.LessOrEqual, ">": runtime.More, ">=": runtime.MoreOrEqual,
}

// nullable are the builtins that yield nil when they find no element.
var nullable = map[string]bool{"first": true, "last": true, "find": true, "findLast": true, "get": true}

// staticComparisons maps the static comparison overloads (_dec_eq,
// _money_lt…) to their operator.
var staticComparisons = func() map[string]string {
	m := map[string]string{}
	for op := range decimalComparisons {
		m["_dec_"+opNames[op]], m["_money_"+opNames[op]] = op, op
	}
	return m
}()

// dynamicComparisons rewrites into a call of _dyn_<op> (_dyn_in for
// `in`) every comparison that may involve a decimal or Money whose type
// is known only at run time, and every comparison with a nullable
// builtin's result.
type dynamicComparisons struct{}

// Visit implements ast.Visitor.
func (dynamicComparisons) Visit(node *ast.Node) {
	var op string
	var left, right ast.Node
	switch n := (*node).(type) {
	case *ast.BinaryNode:
		op, left, right = n.Operator, n.Left, n.Right
		if !rewrites(op, left, right) {
			return
		}
	case *ast.CallNode:
		id, ok := n.Callee.(*ast.IdentifierNode)
		if !ok || staticComparisons[id.Value] == "" || !isNullable(n.Arguments[0]) && !isNullable(n.Arguments[1]) {
			return
		}
		op, left, right = staticComparisons[id.Value], n.Arguments[0], n.Arguments[1]
	default:
		return
	}
	name := "_dyn_in"
	if op != "in" {
		name = "_dyn_" + opNames[op]
	}
	call := &ast.CallNode{Callee: &ast.IdentifierNode{Value: name}, Arguments: []ast.Node{left, right}}
	ast.Patch(node, call)
	call.SetType(reflect.TypeFor[bool]())
}

// rewrites reports whether the comparison left op right needs the
// run-time rules.
func rewrites(op string, left, right ast.Node) bool {
	l, r := left.Type(), right.Type()
	switch {
	case op == "in":
		return mayBeList(r) && (needsValues(l, elemType(right)) || isNullable(left))
	case dynamicOps[op] == nil && op != "==" && op != "!=":
		return false
	case isNullable(left) || isNullable(right):
		return true
	case op == "==" || op == "!=":
		return needsValues(l, r)
	}
	return isUnknown(l) && mayBeNumeric(r) || isUnknown(r) && mayBeNumeric(l)
}

// needsValues reports whether values of types a and b may be, or hold, a
// decimal or Money next to something it can equal.
func needsValues(a, b reflect.Type) bool {
	return holdsDecimal(a) && (mayBeNumeric(b) || mayBeCollection(b)) ||
		holdsDecimal(b) && (mayBeNumeric(a) || mayBeCollection(a))
}

// holdsDecimal reports whether a value of type t may be, or hold at any
// depth, a decimal or Money.
func holdsDecimal(t reflect.Type) bool {
	switch {
	case isUnknown(t) || t == decimalType || t == moneyType:
		return true
	case mayBeCollection(t):
		return holdsDecimal(t.Elem())
	}
	return false
}

// elemType is the static type of the elements of list: the common type
// of an array literal's elements, the element type of a typed list, nil
// when unknown.
func elemType(list ast.Node) reflect.Type {
	if a, ok := list.(*ast.ArrayNode); ok {
		var t reflect.Type
		for i, n := range a.Nodes {
			if i > 0 && n.Type() != t {
				return nil
			}
			t = n.Type()
		}
		return t
	}
	if t := list.Type(); !isUnknown(t) && mayBeList(t) {
		return t.Elem()
	}
	return nil
}

func isNullable(n ast.Node) bool {
	b, ok := n.(*ast.BuiltinNode)
	return ok && nullable[b.Name]
}

func isUnknown(t reflect.Type) bool { return t == nil || t.Kind() == reflect.Interface }

func mayBeList(t reflect.Type) bool {
	return isUnknown(t) || t.Kind() == reflect.Slice || t.Kind() == reflect.Array
}

func mayBeCollection(t reflect.Type) bool { return mayBeList(t) || t.Kind() == reflect.Map }

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

// dynamicOptions returns the _dyn_<op> and _dyn_in functions.
func dynamicOptions() []expr.Option {
	sig := new(func(any, any) bool)
	opts := []expr.Option{
		expr.Function("_dyn_eq", func(p ...any) (any, error) { return equalValues(p[0], p[1]) }, sig),
		expr.Function("_dyn_ne", func(p ...any) (any, error) {
			eq, err := equalValues(p[0], p[1])
			return !eq, err
		}, sig),
		expr.Function("_dyn_in", func(p ...any) (any, error) { return member(p[0], p[1]) }, sig),
	}
	for op, fallback := range dynamicOps {
		if fallback == nil {
			continue
		}
		test := decimalComparisons[op]
		opts = append(opts, expr.Function("_dyn_"+opNames[op], func(p ...any) (any, error) {
			return orderValues(p[0], p[1], test, fallback)
		}, sig))
	}
	return opts
}

// compareNumbers compares a and b when either is a decimal or Money and
// the other can be compared with it; ok is false when the rules of
// numbers do not apply (neither is a decimal or Money, or a decimal is
// next to a non-number). Money next to anything but Money or nil is an
// error, as it is at compile time.
func compareNumbers(a, b any) (c int, ok bool, err error) {
	ma, aMoney := a.(outsourcing.Money)
	mb, bMoney := b.(outsourcing.Money)
	switch {
	case aMoney && bMoney:
		c, err := ma.Cmp(mb)
		return c, true, err
	case (aMoney || bMoney) && a != nil && b != nil:
		return 0, true, fmt.Errorf("cannot compare %T with %T", a, b)
	}
	_, aDec := a.(outsourcing.Decimal)
	_, bDec := b.(outsourcing.Decimal)
	if !aDec && !bDec {
		return 0, false, nil
	}
	x, errA := toDecimal(a)
	y, errB := toDecimal(b)
	if errA != nil || errB != nil {
		return 0, false, nil
	}
	return x.Cmp(y), true, nil
}

// equalValues is == under the rules above.
func equalValues(a, b any) (bool, error) {
	if c, ok, err := compareNumbers(a, b); ok {
		return err == nil && c == 0, err
	}
	av, bv := reflect.ValueOf(a), reflect.ValueOf(b)
	switch {
	case isList(av) && isList(bv):
		if av.Len() != bv.Len() {
			return false, nil
		}
		for i := range av.Len() {
			if eq, err := equalValues(av.Index(i).Interface(), bv.Index(i).Interface()); !eq || err != nil {
				return false, err
			}
		}
		return true, nil
	case av.Kind() == reflect.Map && bv.Kind() == reflect.Map:
		return equalMaps(av, bv)
	}
	return runtime.Equal(a, b), nil
}

// equalMaps reports whether two maps have the same keys and equal values.
func equalMaps(a, b reflect.Value) (bool, error) {
	if a.Len() != b.Len() {
		return false, nil
	}
	for it := a.MapRange(); it.Next(); {
		k := it.Key()
		if k.Kind() == reflect.Interface {
			k = k.Elem()
		}
		if !k.IsValid() || !k.Type().AssignableTo(b.Type().Key()) {
			return false, nil
		}
		w := b.MapIndex(k)
		if !w.IsValid() {
			return false, nil
		}
		if eq, err := equalValues(it.Value().Interface(), w.Interface()); !eq || err != nil {
			return false, err
		}
	}
	return true, nil
}

func isList(v reflect.Value) bool { return v.Kind() == reflect.Slice || v.Kind() == reflect.Array }

// member is x in list under the rules above; on anything but a list (a
// map's keys, a struct's fields) it is expr's `in`.
func member(x, list any) (bool, error) {
	l := reflect.ValueOf(list)
	if !isList(l) {
		return runtime.In(x, list), nil
	}
	for i := range l.Len() {
		if eq, err := equalValues(x, l.Index(i).Interface()); eq || err != nil {
			return eq, err
		}
	}
	return false, nil
}

// errNoOrder is the ordering of nil.
var errNoOrder = errors.New("nil has no order (" + foundNothing + ")")

// orderValues is <, <=, > or >= (test on the comparison) under the rules
// above, and expr's fallback for values that are neither decimals nor
// Money.
func orderValues(a, b any, test func(int) bool, fallback func(a, b any) bool) (bool, error) {
	if a == nil || b == nil {
		return false, errNoOrder
	}
	if c, ok, err := compareNumbers(a, b); ok {
		return err == nil && test(c), err
	}
	if _, ok := a.(outsourcing.Decimal); ok {
		return false, fmt.Errorf("cannot compare %T with %T", a, b)
	}
	if _, ok := b.(outsourcing.Decimal); ok {
		return false, fmt.Errorf("cannot compare %T with %T", a, b)
	}
	return fallback(a, b), nil
}
