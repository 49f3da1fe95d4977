package outsourcing_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/outsourcing-go/outsourcing"
)

func TestProblemsAndFieldErrors(t *testing.T) {
	a := outsourcing.FieldErrorf("/a", "bad")
	r := &outsourcing.RuleError{Rule: "r", Reason: "boom"}
	plain := errors.New("plain")
	err := fmt.Errorf("pkg: %w", errors.Join(a, errors.Join(r, plain)))
	assert.Equal(t, []error{err}, outsourcing.Problems(err), "a wrapped join is one problem")
	joined := errors.Join(a, errors.Join(r, plain))
	assert.Equal(t, []error{a, r, plain}, outsourcing.Problems(joined))
	assert.Nil(t, outsourcing.Problems(nil))
	assert.Equal(t, []*outsourcing.FieldError{a}, outsourcing.FieldErrors(err), "FieldErrors looks through wrapping")

	moved := outsourcing.AtPath("/levels/2", joined)
	paths := []string{}
	for _, fe := range outsourcing.FieldErrors(moved) {
		paths = append(paths, fe.Path)
	}
	assert.Equal(t, []string{"/levels/2/a", "/levels/2", "/levels/2"}, paths)
	assert.ErrorIs(t, moved, outsourcing.ErrRule, "the rule error keeps its sentinel")
}

func TestFieldErrorOfMatchesItsSentinel(t *testing.T) {
	err := outsourcing.FieldErrorOf(outsourcing.ErrNotFound, "/vendor", "no vendor %q", "acme")
	assert.ErrorIs(t, err, outsourcing.ErrNotFound)
	assert.NotErrorIs(t, err, outsourcing.ErrInvalidInput)
	assert.EqualError(t, err, `/vendor: no vendor "acme"`)
}
