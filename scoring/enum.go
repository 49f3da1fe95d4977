package scoring

import (
	"fmt"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// errorf builds a *outsourcing.FieldError (matching ErrInvalidInput) whose
// reason is prefixed with the package name.
func errorf(path, format string, args ...any) error {
	return &outsourcing.FieldError{Path: path, Reason: "scoring: " + fmt.Sprintf(format, args...)}
}

// parseEnum returns s as a T when it is one of valid (or empty when
// allowEmpty), else a *FieldError naming the kind and the allowed values.
func parseEnum[T ~string](kind, s string, allowEmpty bool, valid []T) (T, error) {
	if slices.Contains(valid, T(s)) || (allowEmpty && s == "") {
		return T(s), nil
	}
	names := make([]string, len(valid))
	for i, v := range valid {
		names[i] = string(v)
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "", errorf(kind, "unknown %s %q (want one of %s)", kind, s, strings.Join(names, ", "))
}

// marshalEnum returns v as text when it is one of valid (or empty when allowEmpty).
func marshalEnum[T ~string](kind string, v T, allowEmpty bool, valid []T) ([]byte, error) {
	if _, err := parseEnum(kind, string(v), allowEmpty, valid); err != nil {
		return nil, err
	}
	return []byte(v), nil
}
