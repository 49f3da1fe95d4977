package outsourcing

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// expectations says what a value failing a pattern or format should
// look like, from the failing schema's description: a pattern such as
// '^[0-9]{4}-…$' tells a user nothing they can act on, "must be a
// calendar date, RFC 3339 full-date: "2026-01-31"" does. It reads the
// registered schemas' sources, each parsed once per validation.
type expectations map[string]any

// reason returns the reason for leaf failure e: "must be " and the
// description of the schema holding the failing pattern or format, or
// jsonschema's message when the keyword is another or the schema has no
// description.
func (x expectations) reason(e *jsonschema.ValidationError) string {
	loc, keyword := cutLast(e.AbsoluteKeywordLocation, "/")
	if keyword != "pattern" && keyword != "format" {
		return e.Message
	}
	desc, _ := x.subschema(loc)["description"].(string)
	if desc == "" {
		return e.Message
	}
	return "must be " + lowerFirst(firstSentence(desc))
}

// firstSentence returns the description's first sentence without its
// full stop: a full stop ends a sentence when a capital follows it
// ("… or "-0.5". Strings keep …"), not in "e.g. "1250.00"".
func firstSentence(s string) string {
	for i := strings.Index(s, ". "); i >= 0; {
		if next, _ := utf8.DecodeRuneInString(s[i+2:]); unicode.IsUpper(next) {
			return s[:i]
		}
		j := strings.Index(s[i+2:], ". ")
		if j < 0 {
			break
		}
		i += 2 + j
	}
	return strings.TrimSuffix(s, ".")
}

// subschema returns the object at loc, a registered schema's $id and a
// JSON pointer fragment ("https://…/money.schema.json#/$defs/date"), or
// nil.
func (x expectations) subschema(loc string) map[string]any {
	id, fragment, _ := strings.Cut(loc, "#")
	root, ok := x[id]
	if !ok {
		if s, found := SchemaByID(id); found {
			_ = json.Unmarshal(s.source, &root) // the source compiled, so it is JSON
		}
		x[id] = root
	}
	node := root
	if fragment != "" {
		for _, token := range strings.Split(strings.TrimPrefix(fragment, "/"), "/") {
			token, err := url.PathUnescape(token)
			if err != nil {
				return nil
			}
			token = pointerUnescaper.Replace(token)
			switch n := node.(type) {
			case map[string]any:
				node = n[token]
			case []any:
				i, err := strconv.Atoi(token)
				if err != nil || i < 0 || i >= len(n) {
					return nil
				}
				node = n[i]
			default:
				return nil
			}
		}
	}
	m, _ := node.(map[string]any)
	return m
}

// pointerUnescaper undoes RFC 6901's escapes of a pointer's token.
var pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")

// cutLast splits s around the last sep.
func cutLast(s, sep string) (before, after string) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):]
	}
	return s, ""
}

// lowerFirst lower-cases the first letter of a sentence unless it starts
// an acronym ("A calendar date" → "a calendar date"; "ISO 4217" stays).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
