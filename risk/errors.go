package risk

import "github.com/outsourcing-go/outsourcing"

// errorf builds a *outsourcing.FieldError whose reason is prefixed "risk: ".
func errorf(path, format string, args ...any) *outsourcing.FieldError {
	return outsourcing.FieldErrorf(path, "risk: "+format, args...)
}
