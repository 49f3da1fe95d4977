package finance_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/finance"
)

// Microsoft's NPV example: the time-0 investment is added outside NPV,
// which discounts its first value by one period.
func ExampleNPV() {
	v, _ := finance.NPV(outsourcing.MustDecimal("0.08"), outsourcing.MustDecimals("8000", "9200", "10000", "12000", "14500"))
	fmt.Println(v.Sub(outsourcing.DecimalFromInt(40000)).Round(2, outsourcing.RoundHalfUp))
	// Output: 1922.06
}

func ExampleXIRR() {
	date := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	r, _ := finance.XIRR(outsourcing.MustDecimals("-10000", "2750", "4250", "3250", "2750"),
		[]time.Time{date("2008-01-01"), date("2008-03-01"), date("2008-10-30"), date("2009-02-15"), date("2009-04-01")})
	fmt.Println(r.Round(9, outsourcing.RoundHalfUp))
	// Output: 0.373362534
}

func ExampleIRR() {
	r, _ := finance.IRR(outsourcing.MustDecimals("-70000", "12000", "15000", "18000", "21000", "26000"))
	fmt.Println(r)
	_, err := finance.IRR(outsourcing.MustDecimals("100", "200"))
	fmt.Println(err)
	// Output:
	// 0.0866309480365
	// finance: /values: cash flows need at least one negative and one positive value
}

func ExamplePMT() {
	monthly, _ := outsourcing.MustDecimal("0.08").Quo(outsourcing.DecimalFromInt(12), 30, outsourcing.RoundHalfUp)
	p, _ := finance.PMT(monthly, outsourcing.DecimalFromInt(10), outsourcing.DecimalFromInt(10000), outsourcing.Decimal{}, finance.PaymentTimingEnd)
	fmt.Println(p.Round(2, outsourcing.RoundHalfUp))
	// Output: -1037.03
}

// The oil pump of Lorie and Savage (1955) pays back −1600, 10000, −10000:
// its cash flows change sign twice and both 25 % and 400 % solve the rate
// equation. IRR returns the rate nearest the guess.
func ExampleIRR_multipleRates() {
	pump := outsourcing.MustDecimals("-1600", "10000", "-10000")
	for _, guess := range []string{"0.1", "1", "3"} {
		r, err := finance.IRR(pump, outsourcing.MustDecimal(guess))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("guess", guess, "rate", r.String())
	}
	// Output:
	// guess 0.1 rate 0.25
	// guess 1 rate 0.25
	// guess 3 rate 4
}
