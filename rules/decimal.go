package rules

import (
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/outsourcing-go/outsourcing"
)

// Decimal and Money arithmetic inside rules. expr has no decimal type, so
// every operator is overloaded (expr.Operator) on the static types of its
// operands: a decimal next to an int or float literal is exact, and
// 1.0 == 1.00 is true. A float operand is converted with
// decimal.NewFromFloat, which keeps the shortest decimal that round-trips
// (0.1 stays 0.1, never 0.1000000000000000055). Money combines only with
// Money of the same currency; mixing currencies is a runtime rule error
// matching ErrCurrencyMismatch.

var (
	decimalType = reflect.TypeFor[outsourcing.Decimal]()
	moneyType   = reflect.TypeFor[outsourcing.Money]()
)

// toDecimal converts a numeric operand to a decimal exactly.
func toDecimal(v any) (outsourcing.Decimal, error) {
	switch x := v.(type) {
	case outsourcing.Decimal:
		return x, nil
	case int:
		return outsourcing.DecimalFromInt(int64(x)), nil
	case int64:
		return outsourcing.DecimalFromInt(x), nil
	case int32:
		return outsourcing.DecimalFromInt(int64(x)), nil
	case float64:
		return floatToDecimal(x)
	case float32:
		return floatToDecimal(float64(x))
	case nil:
		return outsourcing.Decimal{}, errors.New("nil is not a number (" + foundNothing + ")")
	}
	return outsourcing.Decimal{}, fmt.Errorf("%T is not a number", v)
}

// decimalOperands converts the two operands of a binary operator.
func decimalOperands(p []any) (a, b outsourcing.Decimal, err error) {
	if a, err = toDecimal(p[0]); err != nil {
		return a, b, err
	}
	b, err = toDecimal(p[1])
	return a, b, err
}

func floatToDecimal(f float64) (outsourcing.Decimal, error) {
	if f > 1e300 || f < -1e300 {
		return outsourcing.Decimal{}, fmt.Errorf("%v cannot be a decimal", f)
	}
	return outsourcing.DecimalFromFloat(f)
}

// MaxDecimalDigits bounds the operands of decimal arithmetic in rules:
// the digits of two operands, counted from the leading digit or the
// decimal point to the last digit or the decimal point (so 1e-30 spans 31
// digits and 12000 five), may not add up to more. Each operation then
// costs a bounded time and no chain of products can grow without bound;
// exceeding it fails with ErrLimit.
const MaxDecimalDigits = 200

// checkDigits refuses operands that span more than MaxDecimalDigits
// digits together.
func checkDigits(a, b outsourcing.Decimal) error {
	if n := span(a) + span(b); n > MaxDecimalDigits {
		return limitf("decimal operands of %d digits, more than the %d allowed", n, MaxDecimalDigits)
	}
	return nil
}

// span is the number of digits d takes written out without an exponent.
func span(d outsourcing.Decimal) int {
	s := d.Shopspring()
	e := int(s.Exponent())
	return s.NumDigits() + max(e, -e)
}

// numericTypes are the operand types a decimal combines with.
var numericTypes = []reflect.Type{decimalType, reflect.TypeFor[int](), reflect.TypeFor[float64]()}

// signatures lists func(a, b) out for every pair in which at least one
// side is one of the given types and the other is numeric.
func signatures(sides []reflect.Type, out reflect.Type) []any {
	var sigs []any
	seen := map[[2]reflect.Type]bool{}
	for _, s := range sides {
		for _, n := range numericTypes {
			for _, pair := range [][2]reflect.Type{{s, n}, {n, s}} {
				if seen[pair] {
					continue
				}
				seen[pair] = true
				sigs = append(sigs, signature(out, pair[:]...))
			}
		}
	}
	return sigs
}

// signature is a typed nil *func(in...) out, the form expr.Function takes
// a function's static types in.
func signature(out reflect.Type, in ...reflect.Type) any {
	return reflect.Zero(reflect.PointerTo(reflect.FuncOf(in, []reflect.Type{out}, false))).Interface()
}

// decimalOps are the arithmetic operators and their decimal implementations.
var decimalOps = map[string]func(a, b outsourcing.Decimal) (outsourcing.Decimal, error){
	"+": func(a, b outsourcing.Decimal) (outsourcing.Decimal, error) { return a.Add(b), nil },
	"-": func(a, b outsourcing.Decimal) (outsourcing.Decimal, error) { return a.Sub(b), nil },
	"*": func(a, b outsourcing.Decimal) (outsourcing.Decimal, error) { return a.Mul(b), nil },
	"/": quotient,
}

// quotient divides to DivisionPlaces places, rounded half away from
// zero, dropping the trailing zeros of a quotient that is exact (1 / 4 is
// 0.25, not 0.2500…). Division by zero is an error.
func quotient(a, b outsourcing.Decimal) (outsourcing.Decimal, error) {
	if b.IsZero() {
		return outsourcing.Decimal{}, fmt.Errorf("division by zero")
	}
	q, _ := a.Quo(b, DivisionPlaces, outsourcing.RoundHalfUp)
	if !q.Mul(b).Equal(a) {
		return q, nil
	}
	return q.Trim(), nil
}

// DivisionPlaces is how many decimal places a decimal division inside a
// rule keeps (rounded half away from zero). Other operations are exact.
const DivisionPlaces = 28

// decimalComparisons are the comparison operators and their meaning on Cmp.
var decimalComparisons = map[string]func(c int) bool{
	"<":  func(c int) bool { return c < 0 },
	"<=": func(c int) bool { return c <= 0 },
	">":  func(c int) bool { return c > 0 },
	">=": func(c int) bool { return c >= 0 },
	"==": func(c int) bool { return c == 0 },
	"!=": func(c int) bool { return c != 0 },
}

var opNames = map[string]string{"+": "add", "-": "sub", "*": "mul", "/": "div",
	"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq", "!=": "ne"}

// overloads lists, for each overloaded operator, the functions that
// implement it. Each expr.Operator option is a patcher that re-checks the
// whole tree, so there is one per operator, not one per function.
var overloads = map[string][]string{
	"+": {"_dec_add", "_money_add"}, "-": {"_dec_sub", "_money_sub"},
	"*": {"_dec_mul", "_money_mul"}, "/": {"_dec_div", "_money_div"},
	"<": {"_dec_lt", "_money_lt"}, "<=": {"_dec_le", "_money_le"},
	">": {"_dec_gt", "_money_gt"}, ">=": {"_dec_ge", "_money_ge"},
	"==": {"_dec_eq", "_money_eq"}, "!=": {"_dec_ne", "_money_ne"},
	"in": {"_dec_in"},
}

// operatorOptions installs the overloads, in a fixed order.
func operatorOptions() []expr.Option {
	ops := slices.Sorted(maps.Keys(overloads))
	opts := make([]expr.Option, len(ops))
	for i, op := range ops {
		opts[i] = expr.Operator(op, overloads[op]...)
	}
	return opts
}

// decimalOptions returns the expr functions that make decimals and Money
// work in rules: the operator implementations and the helper functions
// Dec, Round, Abs and Float.
func decimalOptions() []expr.Option {
	var opts []expr.Option
	boolType := reflect.TypeFor[bool]()
	for op, fn := range decimalOps {
		name := "_dec_" + opNames[op]
		opts = append(opts, expr.Function(name, func(p ...any) (any, error) {
			a, b, err := decimalOperands(p)
			if err != nil {
				return nil, err
			}
			if err := checkDigits(a, b); err != nil {
				return nil, err
			}
			return fn(a, b)
		}, signatures([]reflect.Type{decimalType}, decimalType)...))
	}
	for op, test := range decimalComparisons {
		name := "_dec_" + opNames[op]
		opts = append(opts, expr.Function(name, func(p ...any) (any, error) {
			a, b, err := decimalOperands(p)
			if err != nil {
				return nil, err
			}
			return test(a.Cmp(b)), nil
		}, signatures([]reflect.Type{decimalType}, boolType)...))
		mname := "_money_" + opNames[op]
		opts = append(opts, expr.Function(mname, func(p ...any) (any, error) {
			c, err := p[0].(outsourcing.Money).Cmp(p[1].(outsourcing.Money))
			if err != nil {
				return nil, err
			}
			return test(c), nil
		}, new(func(outsourcing.Money, outsourcing.Money) bool)))
	}
	opts = append(opts, moneyArithmetic()...)
	opts = append(opts, expr.Function("_dec_in", func(p ...any) (any, error) {
		return member(p[0], p[1])
	}, membershipSignatures()...))
	opts = append(opts,
		expr.Function("Dec", func(p ...any) (any, error) {
			return outsourcing.ParseDecimal(p[0].(string))
		}, new(func(string) outsourcing.Decimal)),
		expr.Function("Round", func(p ...any) (any, error) {
			d, err := toDecimal(p[0])
			if err != nil {
				return nil, err
			}
			places := p[1].(int)
			if places < -DivisionPlaces || places > DivisionPlaces {
				return nil, limitf("Round places %d outside [-%d, %d]", places, DivisionPlaces, DivisionPlaces)
			}
			if err := checkDigits(d, outsourcing.Decimal{}); err != nil {
				return nil, err
			}
			return d.Round(int32(places), outsourcing.RoundHalfUp), nil
		}, new(func(outsourcing.Decimal, int) outsourcing.Decimal)),
		expr.Function("Abs", func(p ...any) (any, error) {
			return p[0].(outsourcing.Decimal).Abs(), nil
		}, new(func(outsourcing.Decimal) outsourcing.Decimal)),
		expr.Function("Float", func(p ...any) (any, error) {
			return p[0].(outsourcing.Decimal).Float64(), nil
		}, new(func(outsourcing.Decimal) float64)),
	)
	return opts
}

// membershipSignatures are the types of the `in` overload (member, in
// dynamic.go): a decimal in a list of numbers, decimals or values of any
// type, a number in a list of decimals, Money in a list of Money or of
// values of any type. Without it expr refuses a decimal in [1, 2].
func membershipSignatures() []any {
	boolType, anyType := reflect.TypeFor[bool](), reflect.TypeFor[any]()
	var sigs []any
	for _, n := range append(numericTypes, anyType) {
		sigs = append(sigs, signature(boolType, decimalType, reflect.SliceOf(n)))
		if n != decimalType && n != anyType {
			sigs = append(sigs, signature(boolType, n, reflect.SliceOf(decimalType)))
		}
	}
	return append(sigs, signature(boolType, moneyType, reflect.SliceOf(moneyType)), signature(boolType, moneyType, reflect.SliceOf(anyType)))
}

// moneyArithmetic overloads + and - on Money pairs, and * and / between
// Money and a number. Money{} ("no amount") acts as zero, as in the
// kernel: it adds and subtracts as zero, and scales and divides to
// Money{} (division by zero is still an error).
func moneyArithmetic() []expr.Option {
	add := expr.Function("_money_add", func(p ...any) (any, error) {
		return p[0].(outsourcing.Money).Add(p[1].(outsourcing.Money))
	}, new(func(outsourcing.Money, outsourcing.Money) outsourcing.Money))
	sub := expr.Function("_money_sub", func(p ...any) (any, error) {
		return p[0].(outsourcing.Money).Sub(p[1].(outsourcing.Money))
	}, new(func(outsourcing.Money, outsourcing.Money) outsourcing.Money))
	var mulSigs, divSigs []any
	for _, n := range numericTypes {
		mulSigs = append(mulSigs, signature(moneyType, moneyType, n), signature(moneyType, n, moneyType))
		divSigs = append(divSigs, signature(moneyType, moneyType, n))
	}
	mul := expr.Function("_money_mul", func(p ...any) (any, error) {
		m, f := p[0], p[1]
		if _, ok := m.(outsourcing.Money); !ok {
			m, f = f, m
		}
		d, err := toDecimal(f)
		if err != nil {
			return nil, err
		}
		if err := checkDigits(m.(outsourcing.Money).Amount(), d); err != nil {
			return nil, err
		}
		return m.(outsourcing.Money).Mul(d), nil
	}, mulSigs...)
	div := expr.Function("_money_div", func(p ...any) (any, error) {
		d, err := toDecimal(p[1])
		if err != nil {
			return nil, err
		}
		m := p[0].(outsourcing.Money)
		if err := checkDigits(m.Amount(), d); err != nil {
			return nil, err
		}
		q, err := quotient(m.Amount(), d)
		if err != nil || m.IsZero() {
			return outsourcing.Money{}, err // Money{} divides to Money{}, as it scales to Money{}
		}
		return outsourcing.NewMoney(q, m.Currency())
	}, divSigs...)
	return []expr.Option{add, sub, mul, div}
}

// foldDecimalLiterals replaces Dec("literal") by the decimal constant at
// compile time, so rules do not parse the literal on every evaluation.
type foldDecimalLiterals struct{}

// Visit implements ast.Visitor.
func (foldDecimalLiterals) Visit(node *ast.Node) {
	call, ok := (*node).(*ast.CallNode)
	if !ok || len(call.Arguments) != 1 {
		return
	}
	id, ok := call.Callee.(*ast.IdentifierNode)
	lit, isString := call.Arguments[0].(*ast.StringNode)
	if !ok || id.Value != "Dec" || !isString {
		return
	}
	d, err := outsourcing.ParseDecimal(lit.Value)
	if err != nil {
		return // left to fail at run time with the parse error
	}
	constant := &ast.ConstantNode{Value: d}
	ast.Patch(node, constant)
	constant.SetType(decimalType)
}

// literalsNextToDecimals turns a number literal that is an operand of an
// arithmetic or comparison operator whose other operand is statically a
// decimal or Money into a decimal constant, converted once at compile time
// instead of on every evaluation. (expr type-checks the tree before each
// patcher runs, so operand types are known here.)
type literalsNextToDecimals struct{}

// Visit implements ast.Visitor.
func (literalsNextToDecimals) Visit(node *ast.Node) {
	b, ok := (*node).(*ast.BinaryNode)
	if !ok || opNames[b.Operator] == "" {
		return
	}
	if isDecimalOperand(b.Left) {
		decimalLiteral(&b.Right)
	}
	if isDecimalOperand(b.Right) {
		decimalLiteral(&b.Left)
	}
}

func isDecimalOperand(n ast.Node) bool {
	t := n.Type()
	return t == decimalType || t == moneyType
}

// decimalLiteral replaces an int or float literal by its exact decimal.
func decimalLiteral(n *ast.Node) {
	var v any
	switch lit := (*n).(type) {
	case *ast.IntegerNode:
		v = lit.Value
	case *ast.FloatNode:
		v = lit.Value
	default:
		return
	}
	d, err := toDecimal(v)
	if err != nil {
		return
	}
	constant := &ast.ConstantNode{Value: d}
	ast.Patch(n, constant)
	constant.SetType(decimalType)
}
