package finance_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

func decimals(ss ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i] = decimal.RequireFromString(s)
	}
	return out
}

// Microsoft's NPV example: the time-0 investment is added outside NPV,
// which discounts its first value by one period.
func ExampleNPV() {
	v, _ := outsourcing.NPV(decimal.RequireFromString("0.08"), decimals("8000", "9200", "10000", "12000", "14500"))
	fmt.Println(v.Sub(decimal.NewFromInt(40000)).StringFixed(2))
	// Output: 1922.06
}

func ExampleXIRR() {
	date := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	r, _ := outsourcing.XIRR(decimals("-10000", "2750", "4250", "3250", "2750"),
		[]time.Time{date("2008-01-01"), date("2008-03-01"), date("2008-10-30"), date("2009-02-15"), date("2009-04-01")})
	fmt.Println(r.StringFixed(9))
	// Output: 0.373362534
}

func ExampleIRR() {
	r, _ := outsourcing.IRR(decimals("-70000", "12000", "15000", "18000", "21000", "26000"))
	fmt.Println(r)
	_, err := outsourcing.IRR(decimals("100", "200"))
	fmt.Println(err)
	// Output:
	// 0.0866309480365
	// values: cash flows need at least one negative and one positive value
}

func ExamplePMT() {
	monthly := decimal.RequireFromString("0.08").DivRound(decimal.NewFromInt(12), 30)
	p, _ := outsourcing.PMT(monthly, decimal.NewFromInt(10), decimal.NewFromInt(10000), decimal.Zero, outsourcing.PaymentTimingEnd)
	fmt.Println(p.StringFixed(2))
	// Output: -1037.03
}

// The oil pump of Lorie and Savage (1955) pays back −1600, 10000, −10000:
// its cash flows change sign twice and both 25 % and 400 % solve the rate
// equation. IRR returns the rate nearest the guess.
func ExampleIRR_multipleRates() {
	pump := decimals("-1600", "10000", "-10000")
	for _, guess := range []string{"0.1", "1", "3"} {
		r, err := outsourcing.IRR(pump, decimal.RequireFromString(guess))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("guess", guess, "rate", outsourcing.FormatDecimal(r))
	}
	// Output:
	// guess 0.1 rate 0.25
	// guess 1 rate 0.25
	// guess 3 rate 4
}
