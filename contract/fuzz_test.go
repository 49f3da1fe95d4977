package contract_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParseContract: any document is parsed and compiled without a
// panic; a failure is a typed error matching ErrInvalidInput (or
// ErrCurrencyMismatch, ErrNotFound, ErrRule, ErrLimit); a success round-trips
// through its own document.
func FuzzParseContract(f *testing.F) {
	doc, err := os.ReadFile("testdata/contract.json")
	require.NoError(f, err)
	f.Add(doc)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"id":"c","title":"t","currency":"EUR","parties":[],"scope":{"summary":"","inclusions":[]},"term":{"start":"2026-01-31","end":"2026-01-01"}}`))
	f.Add([]byte(`{"term":{"start":"2026-02-30","end":"2026-01-01","notice":"P"}}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		spec, err := contract.ParseContract(doc)
		if err != nil {
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			return
		}
		c, err := contract.CompileContract(spec)
		if err != nil {
			assert.True(t, errors.Is(err, outsourcing.ErrInvalidInput) || errors.Is(err, outsourcing.ErrCurrencyMismatch) ||
				errors.Is(err, outsourcing.ErrNotFound) || errors.Is(err, outsourcing.ErrRule) || errors.Is(err, outsourcing.ErrLimit), err.Error())
			for _, fe := range outsourcing.FieldErrors(err) {
				assert.True(t, fe.Path == "" || fe.Path[0] == '/', fe.Path)
			}
			return
		}
		again, err := contract.ParseContract(c.Document())
		require.NoError(t, err)
		_, err = contract.CompileContract(again)
		require.NoError(t, err)
	})
}

// FuzzParseDocuments: any text given to any of the other parsers
// (invoice, dispute, change request, acceptance request, completions,
// fulfilments; the first byte chooses) is parsed without a panic; a
// failure matches ErrInvalidInput with JSON-pointer paths; a success
// marshals to a document that parses back to the same value.
func FuzzParseDocuments(f *testing.F) {
	docs := documents()
	for i, d := range docs {
		doc, err := json.Marshal(d.filled)
		require.NoError(f, err)
		f.Add(byte(i), doc)
	}
	f.Add(byte(0), []byte(`{"id":"I","date":"2026-01-01","lines":[]}`))
	f.Add(byte(4), []byte(`[{"item":"x","on":"2026-02-29"}]`))
	f.Add(byte(1), []byte(`{"id":"D","subject":"s","raised_by":"r","raised":"2026-01-01","events":[]}`))
	f.Fuzz(func(t *testing.T, which byte, doc []byte) {
		d := docs[int(which)%len(docs)]
		v, err := d.parse(doc)
		if err != nil {
			assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
			for _, fe := range outsourcing.FieldErrors(err) {
				assert.True(t, fe.Path == "" || fe.Path[0] == '/', fe.Path)
			}
			return
		}
		again, err := json.Marshal(v)
		require.NoError(t, err)
		back, err := d.parse(again)
		require.NoError(t, err, string(again))
		// the same document again; an empty list written out ("events": [])
		// comes back absent, as omitempty writes it
		twice, err := json.Marshal(back)
		require.NoError(t, err)
		assert.JSONEq(t, string(again), string(twice))
	})
}
