package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRun: the story runs to its end; the decision table adds IT security
// and the CEO for a very high risk, and the value's CFO step either way.
func TestRun(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(&out))
	text := out.String()
	low, high, ok := strings.Cut(text[strings.Index(text, "risk low:"):strings.Index(text, "== §3.2 Signature")], "risk very_high:")
	require.True(t, ok, text)
	assert.Contains(t, low, "Chief Financial Officer")
	assert.NotContains(t, low, "IT security")
	assert.Contains(t, high, "IT security")
	assert.Contains(t, high, "3  Chief Executive Officer")
	assert.Contains(t, text, "supplementary agreement AMS-2026-014/S1 makes version 2")
}
