// Package finance holds the spreadsheet financial functions of the cost
// and benefit analysis of Handbook §1.2 (feasibility), which planning's
// TCO comparison, termination's amortisation schedules and risk's
// business case use: NPV, XNPV, IRR, XIRR, MIRR, PMT, PV and FV, with the
// semantics of the Excel functions of the same name (cash paid out is
// negative, cash received positive; NPV discounts its first value by one
// period; XNPV and XIRR count actual days / 365 from the first date).
//
// Amounts and rates are outsourcing.Decimal and the present-value
// arithmetic is decimal, carried at 40 places (more for a rate with
// leading fractional zeros, and discounting multiplies by powers of
// 1/(1+rate) so rates below 0 keep their digits); only the root finder of IRR
// and XIRR works in float64, and it returns the rate nearest the guess
// when the flows change sign more than once (Lorie and Savage's pump has
// two). Results are rounded half away from zero to ResultPlaces places (IRR
// and XIRR to IRRSignificantDigits significant digits), far below any
// currency's minor unit, so the caller decides the final rounding.
//
// Errors are *outsourcing.FieldError values naming the argument by JSON
// pointer ("/values", "/dates/3"), prefixed "finance: ", and matching
// outsourcing.ErrInvalidInput, ErrNoSignChange,
// outsourcing.ErrCurrencyMismatch or outsourcing.ErrNoConvergence. No
// function panics on any input. Every function is pure and safe for
// concurrent use.
//
// # Usage
//
//	flows := outsourcing.MustDecimals("-70000", "12000", "15000", "18000", "21000", "26000")
//	rate, err := finance.IRR(flows) // 0.0866309480365
package finance
