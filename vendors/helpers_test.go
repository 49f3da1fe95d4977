package vendors

import (
	"errors"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// assertProblem checks that err carries a FieldError at path whose reason
// contains each of words, matching sentinel, and the package prefix once.
func assertProblem(t *testing.T, err error, sentinel error, path string, words ...string) {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, sentinel)
	assert.Regexp(t, `^vendors: `, err.Error())
	assert.NotContains(t, err.Error()[len("vendors: "):], "vendors: ")
	for _, fe := range outsourcing.FieldErrors(err) {
		if fe.Path != path {
			continue
		}
		for _, w := range words {
			assert.Contains(t, fe.Reason, w)
		}
		if sentinel != outsourcing.ErrInvalidInput {
			assert.True(t, errors.Is(fe, sentinel), "%s matches %v", path, sentinel)
		}
		return
	}
	t.Errorf("no problem at %q in %v", path, err)
}
