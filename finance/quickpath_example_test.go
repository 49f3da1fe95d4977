package finance_test

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/finance"
)

// From a notebook's float64 data to NPV and IRR in a few lines, on
// Microsoft's published examples: NPV at 10 % of −10,000 invested a year
// from now and returns of 3,000, 4,200 and 6,800 is 1,188.44; the IRR of
// −70,000 followed by five years of income is 8.66 %.
func Example_quickPath() {
	flows, _ := outsourcing.DecimalsFromFloats([]float64{-10000, 3000, 4200, 6800})
	npv, _ := finance.NPV(outsourcing.MustDecimal("0.1"), flows)
	income, _ := outsourcing.DecimalsFromFloats([]float64{-70000, 12000, 15000, 18000, 21000, 26000})
	irr, _ := finance.IRR(income)
	fmt.Println(npv.Round(2, outsourcing.RoundHalfUp).Grouped(), irr.Round(4, outsourcing.RoundHalfUp))
	// Output: 1,188.44 0.0866
}
