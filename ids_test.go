package outsourcing_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/outsourcing-go/outsourcing"
)

func TestStableID(t *testing.T) {
	// RFC 9562, Appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
	assert.Equal(t, "2ed6657d-e927-568b-95e1-2665a8aea6a2", outsourcing.StableID(uuid.NameSpaceDNS, "www.example.com").String())
	a := outsourcing.StableID(outsourcing.Namespace(), "sla-report", "ito-2024", "2024-02")
	assert.Equal(t, a, outsourcing.StableID(outsourcing.Namespace(), "sla-report", "ito-2024", "2024-02"))
	assert.NotEqual(t, a, outsourcing.StableID(outsourcing.Namespace(), "sla-report", "ito-2024", "2024-03"))
	assert.Equal(t, uuid.Version(5), a.Version())
}

func TestRandomID(t *testing.T) {
	seed := bytes.Repeat([]byte{7}, 16)
	a, err := outsourcing.RandomID(bytes.NewReader(seed))
	require.NoError(t, err)
	b, err := outsourcing.RandomID(bytes.NewReader(seed))
	require.NoError(t, err)
	assert.Equal(t, a, b, "the same bytes give the same id")
	assert.Equal(t, uuid.Version(4), a.Version())
	_, err = outsourcing.RandomID(strings.NewReader("short"))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}
