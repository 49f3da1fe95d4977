package termination

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
)

// DayCount is a day-count convention: how the days between two dates
// count as a fraction of a year. Each is named as the 2006 ISDA
// Definitions name it (Section 4.16), since "30/360" alone means several
// things; 30/360 US is the Securities Industry Association's rule, with
// the end-of-February adjustments. Settlement prorates a fee as a ratio
// of two of its year fractions (see DayCount.ProRata).
type DayCount string

// Day-count conventions.
const (
	// DayCountActual365Fixed is "Actual/365 (Fixed)", ISDA 2006 §4.16(d):
	// actual days / 365.
	DayCountActual365Fixed DayCount = "actual_365_fixed"
	// DayCountActual360 is "Actual/360", ISDA 2006 §4.16(e): actual days /
	// 360.
	DayCountActual360 DayCount = "actual_360"
	// DayCountActualActualISDA is "Actual/Actual (ISDA)", ISDA 2006
	// §4.16(b): the days falling in a leap year / 366 plus the days
	// falling in other years / 365.
	DayCountActualActualISDA DayCount = "actual_actual_isda"
	// DayCount30360BondBasis is "30/360" or "Bond Basis", ISDA 2006
	// §4.16(f): D1 = 31 becomes 30; D2 = 31 becomes 30 when D1 is then 30.
	DayCount30360BondBasis DayCount = "30_360_bond_basis"
	// DayCount30E360Eurobond is "30E/360" or "Eurobond Basis", ISDA 2006
	// §4.16(g): a 31st becomes the 30th at either end.
	DayCount30E360Eurobond DayCount = "30e_360_eurobond"
	// DayCount30E360ISDA is "30E/360 (ISDA)", ISDA 2006 §4.16(h): a
	// month's last day becomes the 30th at either end, except the end
	// date when it is the termination date in February.
	DayCount30E360ISDA DayCount = "30e_360_isda"
	// DayCount30360US is 30/360 US (SIA Standard Securities Calculation
	// Methods, end-of-month rule): when both dates are the last day of
	// February D2 becomes 30; a D1 on the last day of February becomes
	// 30; then the Bond Basis rules.
	DayCount30360US DayCount = "30_360_us"
)

var dayCounts = enum[DayCount]{"day count", []DayCount{DayCountActual365Fixed, DayCountActual360, DayCountActualActualISDA,
	DayCount30360BondBasis, DayCount30E360Eurobond, DayCount30E360ISDA, DayCount30360US}}

// String returns the convention's name.
func (d DayCount) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler.
func (d DayCount) MarshalText() ([]byte, error) { return dayCounts.marshal(d) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown conventions.
func (d *DayCount) UnmarshalText(b []byte) error { return dayCounts.unmarshal(d, b) }

// YearFraction is an exact fraction of a year, Numerator / Denominator,
// from a day count over Days days.
type YearFraction struct {
	// Days is the day count of the convention: actual days, or 30/360
	// days.
	Days int `json:"days"`
	// Numerator and Denominator give the fraction exactly
	// (Actual/Actual ISDA: (366·a + 365·b) / (365·366)).
	Numerator   int64 `json:"numerator"`
	Denominator int64 `json:"denominator"`
}

// Decimal returns the fraction rounded half up to places decimal places.
func (f YearFraction) Decimal(places int32) outsourcing.Decimal {
	q, _ := outsourcing.DecimalFromInt(f.Numerator).Quo(outsourcing.DecimalFromInt(f.Denominator), places, outsourcing.RoundHalfUp) // Denominator > 0
	return q
}

// Fraction returns the year fraction of the period from start
// (included) to end (excluded), as the ISDA definitions count a
// calculation period. maturity is the termination date, read only by
// 30E/360 (ISDA) (zero for none). Errors (*outsourcing.FieldError):
// an unknown convention (at ""), end before start (at "/end").
func (d DayCount) Fraction(start, end, maturity contract.Date) (YearFraction, error) {
	if !dayCounts.valid(d) {
		return YearFraction{}, wrap(outsourcing.FieldErrorf("", "unknown day count %q", string(d)))
	}
	if end.Before(start) {
		return YearFraction{}, wrap(outsourcing.FieldErrorf("/end", "the period ends on %s, before it starts on %s", end, start))
	}
	actual := start.DaysUntil(end)
	switch d {
	case DayCountActual365Fixed:
		return YearFraction{actual, int64(actual), 365}, nil
	case DayCountActual360:
		return YearFraction{actual, int64(actual), 360}, nil
	case DayCountActualActualISDA:
		return actualActualISDA(start, end), nil
	}
	n := thirty360(d, start, end, maturity)
	return YearFraction{n, int64(n), 360}, nil
}

// actualActualISDA splits the days at each 1 January. The 1 January
// after 31 December 9999 is reached by AddDays, not built as a written
// date: it is the exclusive end of a period ending in 9999.
func actualActualISDA(start, end contract.Date) YearFraction {
	var inLeap, other int
	for d := start; d.Before(end); {
		next := contract.MustDate(d.Year(), time.December, 31).AddDays(1)
		if end.Before(next) {
			next = end
		}
		if leap(d.Year()) {
			inLeap += d.DaysUntil(next)
		} else {
			other += d.DaysUntil(next)
		}
		d = next
	}
	return YearFraction{inLeap + other, int64(366*other + 365*inLeap), 365 * 366}
}

// thirty360 counts the days of the 30/360 family:
// 360·(Y2−Y1) + 30·(M2−M1) + (D2−D1) with the convention's adjustments.
func thirty360(d DayCount, start, end, maturity contract.Date) int {
	d1, d2 := start.Day(), end.Day()
	switch d {
	case DayCount30360BondBasis:
		d1, d2 = bondBasis(d1, d2)
	case DayCount30E360Eurobond:
		d1, d2 = min(d1, 30), min(d2, 30)
	case DayCount30E360ISDA:
		if lastOfMonth(start) {
			d1 = 30
		}
		if lastOfMonth(end) && (end != maturity || end.Month() != time.February) {
			d2 = 30
		}
	case DayCount30360US:
		if lastOfFebruary(start) {
			if lastOfFebruary(end) {
				d2 = 30
			}
			d1 = 30
		}
		d1, d2 = bondBasis(d1, d2)
	}
	return 360*(end.Year()-start.Year()) + 30*int(end.Month()-start.Month()) + d2 - d1
}

// bondBasis applies the 30/360 Bond Basis rules: D1 = 31 becomes 30,
// then D2 = 31 becomes 30 when D1 is 30.
func bondBasis(d1, d2 int) (int, int) {
	d1 = min(d1, 30)
	if d2 == 31 && d1 == 30 {
		d2 = 30
	}
	return d1, d2
}

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func lastOfMonth(d contract.Date) bool { return d.AddDays(1).Month() != d.Month() }

func lastOfFebruary(d contract.Date) bool { return d.Month() == time.February && lastOfMonth(d) }
