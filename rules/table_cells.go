package rules

import (
	"errors"
	"strconv"
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/conf"
	"github.com/outsourcing-go/outsourcing"
)

// Cell tests of a decision table, after DMN's simple unary tests
// (S-FEEL), built as expr syntax trees over the input's variable:
//
//	- or empty           any value
//	>= 5, < 5, = 5, != 5  comparison with the input
//	[1..10] (1..10) ]1..10[ [1..10)   interval; [ ] include, ( ) ] [ exclude the end
//	"a","b"  5  true      equal to one of the listed values
//	not("a","b")          none of the listed tests
//	anything else         a boolean expr expression; ? stands for the input
//	                      (so write if/else, not the a ? b : c ternary)
//
// Literals become constant nodes (an integer, an exact decimal, a string,
// a boolean); endpoints that are not literals are parsed as expr
// expressions. No text is generated from values.

// cellParser builds the tests of one table's cells.
type cellParser struct {
	config   *conf.Config
	maxNodes uint
	maxBytes int
}

// cell returns the test of a cell over input i, or nil for "any value".
func (p cellParser) cell(text string, i int) (ast.Node, error) {
	if len(text) > p.maxBytes {
		return nil, limitf("cell is %d bytes, more than the %d allowed", len(text), p.maxBytes)
	}
	text = strings.TrimSpace(text)
	if text == "" || text == "-" {
		return nil, nil
	}
	if strings.HasPrefix(text, "not(") && strings.HasSuffix(text, ")") {
		inner, err := p.cell(text[4:len(text)-1], i)
		if err != nil || inner == nil {
			return inner, err
		}
		return &ast.UnaryNode{Operator: "!", Node: inner}, nil
	}
	var test ast.Node
	for _, part := range splitTopLevel(text) {
		t, err := p.unaryTest(strings.TrimSpace(part), i)
		if err != nil {
			return nil, err
		}
		test = join("||", test, t)
	}
	return test, nil
}

// unaryTest builds one test of a comma-separated list.
func (p cellParser) unaryTest(test string, i int) (ast.Node, error) {
	if test == "" {
		return nil, errors.New("empty test in list")
	}
	if lo, hi, ok := interval(test); ok {
		loOp, hiOp := ">=", "<="
		if test[0] == '(' || test[0] == ']' {
			loOp = ">"
		}
		if last := test[len(test)-1]; last == ')' || last == '[' {
			hiOp = "<"
		}
		l, err := p.compare(i, loOp, lo)
		if err != nil {
			return nil, err
		}
		h, err := p.compare(i, hiOp, hi)
		return join("&&", l, h), err
	}
	for _, op := range []string{"<=", ">=", "!=", "<", ">", "="} {
		if rest, ok := strings.CutPrefix(test, op); ok {
			if op == "=" {
				op = "=="
			}
			return p.compare(i, op, strings.TrimSpace(rest))
		}
	}
	if lit, ok := literal(test); ok {
		return &ast.BinaryNode{Operator: "==", Left: inputNode(i), Right: lit}, nil
	}
	tree, err := parse(replacePlaceholder(test, inputVar(i)), p.config, p.maxNodes)
	if err != nil {
		return nil, err
	}
	return tree.Node, nil
}

// compare builds `input op endpoint`.
func (p cellParser) compare(i int, op, endpoint string) (ast.Node, error) {
	right, ok := literal(endpoint)
	if !ok {
		tree, err := parse(endpoint, p.config, p.maxNodes)
		if err != nil {
			return nil, err
		}
		right = tree.Node
	}
	return &ast.BinaryNode{Operator: op, Left: inputNode(i), Right: right}, nil
}

// literal returns the constant node of a number, a quoted string or a
// boolean: an integer node when the number is an int, else the exact
// decimal (Dec("…"), folded to a constant when the rule compiles).
func literal(s string) (ast.Node, bool) {
	switch s {
	case "true", "false":
		return &ast.BoolNode{Value: s == "true"}, true
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(s[1:len(s)-1], `"`) {
		if v, err := strconv.Unquote(s); err == nil {
			return &ast.StringNode{Value: v}, true
		}
		return nil, false
	}
	if _, err := outsourcing.ParseDecimal(s); err != nil {
		return nil, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return &ast.IntegerNode{Value: n}, true
	}
	return &ast.CallNode{Callee: &ast.IdentifierNode{Value: "Dec"}, Arguments: []ast.Node{&ast.StringNode{Value: s}}}, true
}

// join combines two tests with && or ||; a nil test is left out.
func join(op string, a, b ast.Node) ast.Node {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	return &ast.BinaryNode{Operator: op, Left: a, Right: b}
}

// inputVar names input i inside the table's program.
func inputVar(i int) string { return "_in" + strconv.Itoa(i) }

func inputNode(i int) ast.Node { return &ast.IdentifierNode{Value: inputVar(i)} }

// interval recognises [a..b] with any of DMN's bracket forms.
func interval(test string) (lo, hi string, ok bool) {
	if len(test) < 5 || !strings.ContainsRune("[(]", rune(test[0])) || !strings.ContainsRune("])[", rune(test[len(test)-1])) {
		return "", "", false
	}
	body := test[1 : len(test)-1]
	lo, hi, ok = strings.Cut(body, "..")
	lo, hi = strings.TrimSpace(lo), strings.TrimSpace(hi)
	return lo, hi, ok && lo != "" && hi != ""
}

// splitTopLevel splits s at commas outside quotes and brackets.
func splitTopLevel(s string) []string {
	var parts []string
	depth, start := 0, 0
	inString := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case inString:
			if c == '\\' {
				i++
			} else if c == '"' {
				inString = false
			}
		case c == '"':
			inString = true
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// replacePlaceholder replaces ? outside string literals by the input.
func replacePlaceholder(s, input string) string {
	var b strings.Builder
	inString := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inString && c == '\\' && i+1 < len(s):
			b.WriteByte(c)
			i++
			c = s[i]
		case c == '"':
			inString = !inString
		case c == '?' && !inString && (i+1 >= len(s) || (s[i+1] != '?' && s[i+1] != '.')) && (i == 0 || s[i-1] != '?'):
			b.WriteString(input)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
