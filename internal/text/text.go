// Package text holds the string helpers the module's packages share for
// their error messages. It is internal: not part of the API, free to change.
package text

import "strings"

// Truncate returns s cut to its first n bytes followed by "…" when it is
// longer than n bytes, else s unchanged, so that an error message quoting
// untrusted input stays short. The cut counts bytes, not runes.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// List joins enum values for an error message: "a, b, c".
func List[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
