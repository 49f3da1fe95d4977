package rules

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// Cell tests of a decision table, after DMN's simple unary tests
// (S-FEEL), translated to expr over the input's value, named by input:
//
//   - or empty           any value
//     >= 5, < 5, = 5, != 5  comparison with the input
//     [1..10] (1..10) ]1..10[ [1..10)   interval; [ ] include, ( ) ] [ exclude the end
//     "a","b"  5  true      equal to one of the listed values
//     not("a","b")          none of the listed tests
//     anything else         a boolean expr expression; ? stands for the input
//     (so write if/else, not the a ? b : c ternary)
func cellExpression(cell, input string) (string, error) {
	cell = strings.TrimSpace(cell)
	if cell == "" || cell == "-" {
		return "", nil
	}
	if strings.HasPrefix(cell, "not(") && strings.HasSuffix(cell, ")") {
		inner, err := cellExpression(cell[4:len(cell)-1], input)
		if err != nil || inner == "" {
			return inner, err
		}
		return "!(" + inner + ")", nil
	}
	parts := splitTopLevel(cell)
	tests := make([]string, 0, len(parts))
	for _, p := range parts {
		t, err := unaryTest(strings.TrimSpace(p), input)
		if err != nil {
			return "", err
		}
		tests = append(tests, "("+t+")")
	}
	return strings.Join(tests, " || "), nil
}

// unaryTest translates one test of a comma-separated list.
func unaryTest(test, input string) (string, error) {
	if test == "" {
		return "", fmt.Errorf("empty test in list")
	}
	if lo, hi, ok := interval(test); ok {
		loOp, hiOp := ">=", "<="
		if test[0] == '(' || test[0] == ']' {
			loOp = ">"
		}
		if last := test[len(test)-1]; last == ')' || last == '[' {
			hiOp = "<"
		}
		return fmt.Sprintf("%s %s %s && %s %s %s", input, loOp, lo, input, hiOp, hi), nil
	}
	for _, op := range []string{"<=", ">=", "!=", "<", ">", "="} {
		if rest, ok := strings.CutPrefix(test, op); ok {
			if op == "=" {
				op = "=="
			}
			return fmt.Sprintf("%s %s %s", input, op, strings.TrimSpace(rest)), nil
		}
	}
	if isLiteral(test) {
		return input + " == " + test, nil
	}
	return replacePlaceholder(test, input), nil
}

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

// isLiteral reports whether s is a number, a quoted string or a boolean.
func isLiteral(s string) bool {
	if s == "true" || s == "false" {
		return true
	}
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && !strings.Contains(s[1:len(s)-1], `"`) {
		return true
	}
	_, err := outsourcing.ParseDecimal(s)
	return err == nil
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
