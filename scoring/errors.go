package scoring

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
)

// errorf builds a *outsourcing.FieldError (matching ErrInvalidInput) whose
// reason is prefixed with the package name.
func errorf(path, format string, args ...any) error {
	return &outsourcing.FieldError{Path: path, Reason: "scoring: " + fmt.Sprintf(format, args...)}
}
