package outsourcing_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

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

// A line break in a cell ended the Markdown row early (the rest of the
// cell became a paragraph under the table) and broke Text's alignment; a
// tab misaligned Text. Both renderings keep one line per row.
func TestTableCellsWithLineBreaks(t *testing.T) {
	tab := outsourcing.Table{Header: []string{"clause", "n"}, Rows: [][]string{{"exit\nplan\tA", "1"}, {"b\r\n|c", "22"}}, Numeric: []bool{false, true}}
	assert.Equal(t, "clause        n\n-----------  --\nexit plan A   1\nb |c         22\n", tab.Text())
	assert.Equal(t, "| clause | n |\n| --- | ---: |\n| exit<br>plan\tA | 1 |\n| b<br>\\|c | 22 |\n", tab.Markdown())
}
