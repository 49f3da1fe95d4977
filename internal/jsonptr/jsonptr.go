// Package jsonptr builds RFC 6901 JSON Pointers, the form every
// outsourcing.FieldError.Path takes ("/levels/0/minimum").
package jsonptr

import (
	"strconv"
	"strings"
)

var escaper = strings.NewReplacer("~", "~0", "/", "~1")

// Escape escapes one reference token: "~" becomes "~0" and "/" becomes
// "~1" (RFC 6901 §3).
func Escape(token string) string { return escaper.Replace(token) }

// Join builds a pointer from reference tokens: strings are escaped, ints
// written in decimal. Join() is "", the whole document.
func Join(tokens ...any) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		switch v := t.(type) {
		case string:
			b.WriteString(Escape(v))
		case int:
			b.WriteString(strconv.Itoa(v))
		default:
			panic("jsonptr: token must be a string or an int")
		}
	}
	return b.String()
}

// Append appends tokens to an existing pointer: Append("/levels", 0,
// "minimum") is "/levels/0/minimum".
func Append(base string, tokens ...any) string { return base + Join(tokens...) }
