package rules

import (
	"fmt"
	"math"
	"math/bits"
	"reflect"
	"unicode/utf8"
)

// costFunc returns the cost, in budget units, of a builtin or operator
// on the values of its arguments (predicates excluded: their bodies are
// charged per iteration), and a *limitError when what it would build is
// over a cap. It runs before the operation.
type costFunc func(args []any) (uint, error)

// builtinCosts is the allow-list: the expr builtins rules may call, each
// with its cost. Left out: now, date, timezone and duration (clock and
// time-zone files), reduce (an untyped accumulator), uniq (quadratic),
// toJSON and fromJSON (rules read typed fields, not documents).
var builtinCosts = map[string]costFunc{
	// Predicates: every iteration is charged in the body.
	"all": unit, "none": unit, "any": unit, "one": unit, "filter": unit, "map": unit, "count": unit,
	"find": unit, "findIndex": unit, "findLast": unit, "findLastIndex": unit,
	"groupBy": sizes, "sortBy": sorting,
	// Scalars.
	"len": unit, "type": unit, "abs": unit, "ceil": unit, "floor": unit, "round": unit,
	"first": unit, "last": unit, "get": unit, "int": sizes, "float": sizes,
	"bitand": unit, "bitor": unit, "bitxor": unit, "bitnand": unit, "bitnot": unit,
	"bitshl": unit, "bitshr": unit, "bitushr": unit,
	// Reading a collection or a string.
	"sum": sizes, "max": sizes, "min": sizes, "mean": sizes, "median": sorting,
	"trim": sizes, "trimPrefix": sizes, "trimSuffix": sizes, "indexOf": sizes, "lastIndexOf": sizes,
	"hasPrefix": sizes, "hasSuffix": sizes, "fromBase64": sizes,
	// Building a string.
	"upper": caseMapping, "lower": caseMapping, "repeat": repeating, "replace": replacing,
	"join": joining, "toBase64": base64Encoding, "string": printing,
	// Building a collection.
	"split": splitting, "splitAfter": splitting, "take": taking, "keys": collection, "values": collection,
	"toPairs": collection, "fromPairs": collection, "reverse": collection, "concat": collection,
	"flatten": flattening, "sort": sorting,
}

// operatorCosts are the operators whose cost depends on their operands.
// + is charged when it is not statically numeric (it may join strings).
// _dec_in and _dyn_in implement `in` (dynamic.go) and are charged like
// it; _dyn_eq and _dyn_ne are charged when both operands may be lists or
// maps, which they compare element by element.
var operatorCosts = map[string]costFunc{
	"..": ranging, "+": concatenating, "in": membership,
	"contains": sizes, "startsWith": sizes, "endsWith": sizes, "matches": matching,
	"_dec_in": membership, "_dyn_in": membership, "_dyn_eq": comparing, "_dyn_ne": comparing,
}

func unit([]any) (uint, error) { return 1, nil }

// sizes is the sum of the arguments' sizes: work linear in what is read.
func sizes(args []any) (uint, error) {
	var n uint
	for _, a := range args {
		n = add(n, uint(size(a)))
	}
	return max(n, 1), nil
}

// collection builds one list or map from the elements of its arguments.
func collection(args []any) (uint, error) {
	n, _ := sizes(args)
	return n, capCollection(n)
}

// sorting costs n·⌈log₂ n⌉ comparisons and builds a list of n.
func sorting(args []any) (uint, error) {
	n := uint(size(args[0]))
	return max(mul(n, uint(bits.Len(n))), 1), capCollection(n)
}

func caseMapping(args []any) (uint, error) {
	n := uint(size(args[0]))
	return max(n, 1), capString(mul(n, 2)) // a case mapping at most doubles a string's bytes
}

func repeating(args []any) (uint, error) {
	n, ok := args[1].(int)
	if !ok || n < 0 {
		return 1, nil // the builtin reports the argument
	}
	out := mul(uint(size(args[0])), uint(n))
	return max(out, 1), capString(out)
}

// replacing bounds replace(s, old, new[, n]): at most len(s)+1
// replacements when old is empty, len(s)/len(old) otherwise, each growing
// the string by len(new)-len(old).
func replacing(args []any) (uint, error) {
	s, old, repl := uint(size(args[0])), uint(size(args[1])), uint(size(args[2]))
	count := s + 1
	if old > 0 {
		count = s / old
	}
	if len(args) == 4 {
		if n, ok := args[3].(int); ok && n >= 0 {
			count = min(count, uint(n))
		}
	}
	out := s
	if repl > old {
		out = add(s, mul(count, repl-old))
	}
	return add(out, s), capString(out)
}

func joining(args []any) (uint, error) {
	var out, n uint
	switch xs := args[0].(type) {
	case []string:
		for _, x := range xs {
			out = add(out, uint(len(x)))
		}
		n = uint(len(xs))
	case []any:
		for _, x := range xs {
			out = add(out, uint(size(x)))
		}
		n = uint(len(xs))
	}
	if len(args) == 2 && n > 1 {
		out = add(out, mul(n-1, uint(size(args[1]))))
	}
	return max(out, n, 1), capString(out)
}

func base64Encoding(args []any) (uint, error) {
	out := mul(add(uint(size(args[0])), 2)/3, 4)
	return max(out, 1), capString(out)
}

// printing bounds string(x) by printedSize.
func printing(args []any) (uint, error) {
	out := printedSize(reflect.ValueOf(args[0]), MaxStringLength+1, 0)
	return uint(max(out, 1)), capString(uint(out))
}

// splitting bounds split(s, sep[, n]): at most one part per character
// when sep is empty, len(s)/len(sep)+1 otherwise.
func splitting(args []any) (uint, error) {
	s, _ := args[0].(string)
	sep, _ := args[1].(string)
	parts := uint(utf8.RuneCountInString(s))
	if sep != "" {
		parts = uint(len(s)/len(sep)) + 1
	}
	if len(args) == 3 {
		if n, ok := args[2].(int); ok && n >= 0 {
			parts = min(parts, uint(n))
		}
	}
	return add(uint(len(s)+len(sep)), parts), capCollection(parts)
}

func taking(args []any) (uint, error) {
	n := uint(size(args[0]))
	if k, ok := args[1].(int); ok && k >= 0 {
		n = min(n, uint(k))
	}
	return n + 1, nil
}

// flattening counts the leaves of nested lists.
func flattening(args []any) (uint, error) {
	n := leaves(reflect.ValueOf(args[0]), MaxCollectionLength+1)
	return uint(max(n, 1)), capCollection(uint(n))
}

// ranging is a..b: b-a+1 elements.
func ranging(args []any) (uint, error) {
	a, okA := args[0].(int)
	b, okB := args[1].(int)
	if !okA || !okB || b < a {
		return 1, nil
	}
	n := uint(b) - uint(a) + 1
	if b-a < 0 { // overflowed: more than MaxInt elements
		n = math.MaxUint
	}
	return n, capCollection(n)
}

// concatenating is + on two strings; on anything else it costs a unit.
func concatenating(args []any) (uint, error) {
	a, okA := args[0].(string)
	b, okB := args[1].(string)
	if !okA || !okB {
		return 1, nil
	}
	out := uint(len(a) + len(b))
	return max(out, 1), capString(out)
}

// membership is x in list: a scan of the list and of the lists and maps
// it holds, which equality compares element by element (a map or struct
// lookup is one unit).
func membership(args []any) (uint, error) {
	if v := reflect.ValueOf(args[1]); isList(v) {
		return elements(v), nil
	}
	return 1, nil
}

// comparing is a == b on lists or maps: at most the elements of both.
func comparing(args []any) (uint, error) {
	return add(elements(reflect.ValueOf(args[0])), elements(reflect.ValueOf(args[1]))), nil
}

// elements counts v and the values it holds in lists and maps, to any
// depth: a bound on the comparisons equality with v makes.
func elements(v reflect.Value) uint {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if !isList(v) && v.Kind() != reflect.Map {
		return 1
	}
	if !mayBeCollection(v.Type().Elem()) {
		return add(uint(v.Len()), 1) // flat: nothing to look inside
	}
	n := uint(1)
	if v.Kind() == reflect.Map {
		for it := v.MapRange(); it.Next(); {
			n = add(n, elements(it.Value()))
		}
		return n
	}
	for i := range v.Len() {
		n = add(n, elements(v.Index(i)))
	}
	return n
}

// matching is s matches pattern: RE2 works in time proportional to the
// product of the lengths.
func matching(args []any) (uint, error) {
	return mul(uint(size(args[0]))+1, uint(size(args[1]))+1), nil
}

// size is the length of a string, list or map, and 1 for anything else.
func size(v any) int {
	switch x := v.(type) {
	case string:
		return len(x)
	case []any:
		return len(x)
	case []int:
		return len(x)
	case []string:
		return len(x)
	case []float64:
		return len(x)
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Array, reflect.Map:
		return rv.Len()
	}
	return 1
}

// printedSize bounds the length of fmt.Sprint(v) from above, roughly: the
// bytes of its strings, 64 per other value (a number, a Stringer, a
// nested pointer, which fmt prints as an address), plus separators; it
// stops counting once past limit.
func printedSize(v reflect.Value, limit, depth int) int {
	const scalar = 64
	if !v.IsValid() {
		return scalar
	}
	if v.Type().Implements(stringerType) {
		return scalar
	}
	n := 2
	switch v.Kind() {
	case reflect.String:
		return v.Len() + 2
	case reflect.Interface:
		return printedSize(v.Elem(), limit, depth)
	case reflect.Pointer:
		if depth > 0 || v.IsNil() {
			return scalar
		}
		return 1 + printedSize(v.Elem(), limit, depth+1)
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len() && n <= limit; i++ {
			n += 1 + printedSize(v.Index(i), limit-n, depth+1)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next() && n <= limit; {
			n += 2 + printedSize(it.Key(), limit-n, depth+1) + printedSize(it.Value(), limit-n, depth+1)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField() && n <= limit; i++ {
			n += 1 + printedSize(v.Field(i), limit-n, depth+1)
		}
	default:
		return scalar
	}
	return n
}

var stringerType = reflect.TypeFor[fmt.Stringer]()

// leaves counts the non-list elements of nested lists, stopping past
// limit.
func leaves(v reflect.Value, limit int) int {
	for v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return 1
	}
	n := 0
	for i := 0; i < v.Len() && n <= limit; i++ {
		n += leaves(v.Index(i), limit-n)
	}
	return n
}

func capString(n uint) error {
	if n > MaxStringLength {
		return limitf("a string of %d bytes, more than the %d allowed", n, MaxStringLength)
	}
	return nil
}

func capCollection(n uint) error {
	if n > MaxCollectionLength {
		return limitf("a collection of %d elements, more than the %d allowed", n, MaxCollectionLength)
	}
	return nil
}

// add and mul saturate at the largest uint instead of wrapping.
func add(a, b uint) uint {
	if s := a + b; s >= a {
		return s
	}
	return math.MaxUint
}

func mul(a, b uint) uint {
	hi, lo := bits.Mul(a, b)
	if hi != 0 {
		return math.MaxUint
	}
	return lo
}
