package outsourcing_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
)

// One table, two renderings: aligned text for a terminal, Markdown for a
// notebook cell or a report; numeric columns right-aligned, "|" escaped.
func ExampleTable() {
	t := outsourcing.Table{
		Header:  []string{"vendor", "bid"},
		Rows:    [][]string{{"acme", outsourcing.MustMoney("1180000", "EUR").Grouped()}, {"a|b", "990,000.00 EUR"}},
		Numeric: []bool{false, true},
	}
	fmt.Print(t.Text())
	fmt.Print(t.Markdown())
	// Output:
	// vendor               bid
	// ------  ----------------
	// acme    1,180,000.00 EUR
	// a|b       990,000.00 EUR
	// | vendor | bid |
	// | --- | ---: |
	// | acme | 1,180,000.00 EUR |
	// | a\|b | 990,000.00 EUR |
}
