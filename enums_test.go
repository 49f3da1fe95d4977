package outsourcing_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

func TestEnumHelpers(t *testing.T) {
	values := []outsourcing.Severity{outsourcing.SeverityLow, outsourcing.SeverityHigh}
	tests := []struct {
		name, in, reason string
	}{
		{"unknown", "medium", `unknown severity "medium" (want low, high)`},
		{"empty", "", `unknown severity "" (want low, high)`},
		{"long input is cut", strings.Repeat("x", 50), `unknown severity "` + strings.Repeat("x", 40) + `…" (want low, high)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := outsourcing.ParseEnum("severity", tt.in, values)
			require.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			var fe *outsourcing.FieldError
			require.True(t, errors.As(err, &fe))
			assert.Equal(t, "", fe.Path, "the value itself; AtPath places it")
			assert.Equal(t, tt.reason, fe.Reason)

			text, err := outsourcing.MarshalEnum(outsourcing.Severity(tt.in), "severity", values)
			if tt.in == "" {
				assert.NoError(t, err, "the zero value marshals, so zero results can be written")
				assert.Empty(t, text)
			} else {
				assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			}

			dst := outsourcing.SeverityLow
			assert.ErrorIs(t, outsourcing.UnmarshalEnum(&dst, []byte(tt.in), "severity", values), outsourcing.ErrInvalidInput)
			assert.Equal(t, outsourcing.SeverityLow, dst, "left unchanged on error")
		})
	}
	var dst outsourcing.Severity
	require.NoError(t, outsourcing.UnmarshalEnum(&dst, []byte("high"), "severity", values))
	assert.Equal(t, outsourcing.SeverityHigh, dst)
	out, err := outsourcing.MarshalEnum(dst, "severity", values)
	require.NoError(t, err)
	assert.Equal(t, "high", string(out))
}

// A domain package builds its enums' text methods on the kernel helpers.
func ExampleParseEnum() {
	type Tier string
	tiers := []Tier{"gold", "silver"}
	t, err := outsourcing.ParseEnum("tier", "gold", tiers)
	fmt.Println(t, err)
	_, err = outsourcing.ParseEnum("tier", "bronze", tiers)
	fmt.Println(outsourcing.AtPath("/vendors/3/tier", err))
	// Output:
	// gold <nil>
	// /vendors/3/tier: unknown tier "bronze" (want gold, silver)
}
