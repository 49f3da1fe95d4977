package rules

import (
	"fmt"
	"strings"
)

// wrap prefixes an error returned by the package's entry points with
// "rules: ", keeping it reachable with errors.Is and errors.As.
func wrap(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("rules: %w", err)
}

// list joins enum values for messages: "UNIQUE, FIRST, …".
func list[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, ", ")
}
