package testkit

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

func TestLoadJSON(t *testing.T) {
	var doc map[string]any
	LoadJSON(t, "testdata/sample.json", &doc)
	assert.Equal(t, map[string]any{"source": "fixture for testkit.LoadJSON, not reference data", "n": 2.0}, doc)
}

// recorder is a testing.TB that notes a failure instead of failing the test.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Name() string          { return "recorder" }
func (r *recorder) Errorf(string, ...any) { r.failed = true }

func TestAssertDecimal(t *testing.T) {
	tests := []struct {
		name, want, got string
		holds           bool
	}{
		{"same digits", "1.25", "1.25", true},
		{"scale does not matter", "1.0", "1.00", true},
		{"different value", "1.25", "1.26", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			assert.Equal(t, tt.holds, AssertDecimal(rec, tt.want, decimal.RequireFromString(tt.got), "case %s", tt.name))
			assert.Equal(t, !tt.holds, rec.failed)
		})
	}
}

func TestAssertGlobalsIgnored(t *testing.T) {
	tests := []struct {
		name   string
		render func() []byte
		holds  bool
	}{
		{"fixed text", func() []byte { return []byte(`{"amount":"1.50"}`) }, true},
		{"decimal.Decimal JSON", func() []byte { b, _ := decimal.RequireFromString("1.50").MarshalJSON(); return b }, false},
		{"StringFixed", func() []byte { return []byte(decimal.New(15, 2).StringFixed(0)) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{TB: t}
			assert.Equal(t, tt.holds, AssertGlobalsIgnored(rec, tt.render))
			assert.Equal(t, !tt.holds, rec.failed)
		})
		assert.False(t, decimal.MarshalJSONWithoutQuotes, "restored once the subtest is over")
		assert.True(t, decimal.TrimTrailingZeros, "restored once the subtest is over")
		assert.False(t, decimal.UseScientificNotation, "restored once the subtest is over")
	}
}

// TestAssertCoversPackage reads this package's own source, which declares
// one exported struct type, LabelCase.
func TestAssertCoversPackage(t *testing.T) {
	rec := &recorder{TB: t}
	assert.True(t, AssertCoversPackage(rec, LabelCase{}))
	assert.False(t, rec.failed)
	rec = &recorder{TB: t}
	assert.False(t, AssertCoversPackage(rec), "LabelCase left out")
	assert.True(t, rec.failed)
}
