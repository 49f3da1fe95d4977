package outsourcing_test

import (
	"encoding/json"
	"fmt"

	"github.com/outsourcing-go/outsourcing"
)

// Money keeps every digit until a rule says how to round, and splits an
// amount so that the parts add up to the cent.
func ExampleMoney() {
	fee := outsourcing.MustMoney("1000000.00", "USD")
	atRisk := outsourcing.MustPercent("12").Of(fee) // Handbook §3.1: penalty mechanism
	fmt.Println("at risk:", atRisk.Round(outsourcing.RoundHalfUp))

	parts, _ := outsourcing.MustMoney("100.00", "EUR").Split(3)
	fmt.Println("split:", parts)

	_, err := fee.Add(outsourcing.MustMoney("1", "EUR"))
	fmt.Println(err)
	// Output:
	// at risk: 120000.00 USD
	// split: [33.34 EUR 33.33 EUR 33.33 EUR]
	// /currency: USD and EUR
}

// Decimal is exact and prints the digits it carries; division rounds
// only as the caller says.
func ExampleDecimal() {
	rate := outsourcing.MustDecimal("0.0450")
	fee := outsourcing.MustDecimal("1250.00")
	fmt.Println(fee.Mul(rate))
	third, _ := fee.Quo(outsourcing.DecimalFromInt(3), 2, outsourcing.RoundHalfEven)
	fmt.Println(third, third.Float64() > 416)
	// Output:
	// 56.250000
	// 416.67 true
}

// The zero Money is "no amount": it marshals to null and adds as zero,
// while a real zero amount keeps its currency.
func ExampleMoney_zero() {
	var unset outsourcing.Money
	fee := outsourcing.MustMoney("100.00", "EUR")
	sum, _ := fee.Add(unset)
	data, _ := json.Marshal(struct {
		Credit outsourcing.Money `json:"credit"`
		Paid   outsourcing.Money `json:"paid,omitzero"`
		Waived outsourcing.Money `json:"waived,omitzero"`
	}{Credit: unset, Waived: outsourcing.ZeroMoney("EUR")})
	fmt.Println(sum, unset.IsZero(), outsourcing.ZeroMoney("EUR").IsZero())
	fmt.Println(string(data))
	// Output:
	// 100.00 EUR true false
	// {"credit":null,"waived":{"amount":"0.00","currency":"EUR"}}
}

// Every problem of a document is a *FieldError located by JSON pointer;
// FieldErrors lists them, however they were joined and wrapped.
func ExampleFieldErrors() {
	_, err := outsourcing.ParseCalendar([]byte(`{"shifts": [{"day": "monday", "start": "09:00", "end": "25:00"}], "holydays": []}`))
	for _, fe := range outsourcing.FieldErrors(err) {
		fmt.Printf("%s: %s\n", fe.Path, fe.Reason)
	}
	// Output:
	// /holydays: unknown property
	// /shifts/0/end: must be wall-clock time HH:MM, 00:00 to 24:00
}
