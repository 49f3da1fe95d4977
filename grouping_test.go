package outsourcing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/outsourcing-go/outsourcing"
)

// Thousands grouped with commas as en-US number formatting writes them
// (Unicode CLDR, en locale: "#,##0.###").
func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{
		"6479086.80": "6,479,086.80", "-1234567": "-1,234,567", "999": "999",
		"1000": "1,000", "0.125": "0.125", "-100.5": "-100.5", "123456": "123,456",
	} {
		assert.Equal(t, want, outsourcing.MustDecimal(in).Grouped(), in)
	}
	assert.Equal(t, "6,479,086.80 EUR", outsourcing.MustMoney("6479086.8", "EUR").Grouped())
	assert.Equal(t, "1,000 JPY", outsourcing.MustMoney("1000", "JPY").Grouped())
	assert.Equal(t, "none", outsourcing.Money{}.Grouped())
}
