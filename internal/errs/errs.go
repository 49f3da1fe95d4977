// Package errs holds the error helpers the module's packages share.
package errs

import "fmt"

// Prefix adds "pkg: " to err, keeping it reachable with errors.Is and
// errors.As; nil stays nil. A package's exported entry points call it
// once, so the package's name appears exactly once in a message.
func Prefix(pkg string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", pkg, err)
}
