package contract

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// Date is a calendar date without a time of day or zone, as contracts
// write dates ("2026-05-31"). The zero value is "no date"; IsZero
// reports it. Dates are comparable with == and ordered by Compare, where
// the zero Date comes before every date.
//
// Arithmetic on "no date" has no answer, so it gives "no date" back
// rather than a made-up day: AddDays, AddMonths, AddYears and EndOfMonth
// of the zero Date return the zero Date, DaysUntil returns 0 when either
// date is zero, In returns the zero time.Time and Weekday returns
// time.Sunday (the zero Weekday). Check IsZero where a date is optional.
type Date struct {
	year  int32
	month uint8
	day   uint8
}

// date builds a Date from parts known to form a calendar date.
func date(year int, month time.Month, day int) Date {
	return Date{int32(year), uint8(month), uint8(day)}
}

// NewDate returns the date year-month-day, or a *outsourcing.FieldError
// matching ErrInvalidInput when it does not exist (2026-02-30) or lies
// outside the years 1 to 9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < 1 || year > 9999 || month < time.January || month > time.December || day < 1 || day > daysIn(year, month) {
		return Date{}, outsourcing.FieldErrorf("", "%04d-%02d-%02d is not a calendar date", year, int(month), day)
	}
	return date(year, month, day), nil
}

// MustDate is NewDate for constants in tests and examples; it panics on
// a date that does not exist.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// ParseDate parses an ISO 8601 calendar date, "2026-05-31".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, outsourcing.FieldErrorf("", "%q is not a date in the form YYYY-MM-DD", s)
	}
	return NewDate(t.Date())
}

// DateOf returns the calendar date of t in t's location: the day on the
// clock of the offset or zone the timestamp carries. A contract states
// no time zone (its dates are calendar dates, Date has none, and the
// contract model has no zone or calendar field), so the day of a
// signature, an acceptance sign-off or an expiry is the day written in
// its own timestamp: 2026-03-31T23:30:00-05:00 is 31 March, though it is
// 1 April in UTC. That is the day the signer saw on the document. A
// caller whose contract names a zone converts first: DateOf(t.In(loc)).
func DateOf(t time.Time) Date {
	return date(t.Date())
}

// written reports whether d lies in the years 1 to 9999, the dates a
// document can hold (ParseDate and the date schema refuse any other).
func (d Date) written() bool { return d.year >= 1 && d.year <= 9999 }

// Year returns the year.
func (d Date) Year() int { return int(d.year) }

// Month returns the month.
func (d Date) Month() time.Month { return time.Month(d.month) }

// Day returns the day of the month, 1 to 31.
func (d Date) Day() int { return int(d.day) }

// IsZero reports whether d is the zero Date, "no date".
func (d Date) IsZero() bool { return d == Date{} }

// In returns the first instant of the date in loc (nil means UTC); the
// zero Date gives the zero time.Time.
func (d Date) In(loc *time.Location) time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// Compare returns −1 when d is before o, 0 when equal, +1 when after.
func (d Date) Compare(o Date) int {
	return sign(d.key() - o.key())
}

// key orders dates: year, then month, then day.
func (d Date) key() int { return int(d.year)<<9 | int(d.month)<<5 | int(d.day) }

// Before reports whether d is before o.
func (d Date) Before(o Date) bool { return d.Compare(o) < 0 }

// After reports whether d is after o.
func (d Date) After(o Date) bool { return d.Compare(o) > 0 }

// AddDays returns the date n days after d (before it when n < 0), in the
// proleptic Gregorian calendar. The zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return civil(d.days() + n)
}

// DaysUntil returns the number of days from d to o: 1 from a date to the
// next, negative when o is before d; 0 when either is the zero Date.
func (d Date) DaysUntil(o Date) int {
	if d.IsZero() || o.IsZero() {
		return 0
	}
	return o.days() - d.days()
}

// days counts the days from 1970-01-01 to d (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms", days_from_civil).
func (d Date) days() int {
	y, m := d.Year(), int(d.month)
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d.Day() - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civil is the date n days after 1970-01-01 (Hinnant's civil_from_days).
func civil(n int) Date {
	n += 719468
	era := floorDiv(n, 146097)
	doe := n - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	month := (mp+2)%12 + 1
	y := yoe + era*400
	if month <= 2 {
		y++
	}
	return date(y, time.Month(month), day)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// AddMonths returns the date n months after d (before it when n < 0),
// clamped to the last day of the target month when d's day does not
// exist there: 31 January plus one month is 28 February (29 in a leap
// year), 31 May minus three months is 28 February. This is Excel's
// EDATE and Java's LocalDate.plusMonths; time.Time.AddDate would
// normalise 31 February to 3 March instead. Like AddDays it counts in
// the proleptic Gregorian calendar, so a result before year 1 is year 0
// (1 BC) or earlier, with a month from January to December. The zero
// Date stays zero.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	total := d.Year()*12 + int(d.month) - 1 + n
	y := floorDiv(total, 12)
	m := time.Month(total - 12*y + 1)
	return date(y, m, min(d.Day(), daysIn(y, m)))
}

// AddYears returns AddMonths(12 × n): 29 February 2024 plus one year is
// 28 February 2025. The zero Date stays zero.
func (d Date) AddYears(n int) Date { return d.AddMonths(12 * n) }

// EndOfMonth returns the last day of the month n months after d's, as
// Excel's EOMONTH(d, n) does: EndOfMonth(2011-01-01, 1) is 2011-02-28.
// The zero Date stays zero.
func (d Date) EndOfMonth(n int) Date {
	if d.IsZero() {
		return d
	}
	first := date(d.Year(), d.Month(), 1).AddMonths(n)
	return date(first.Year(), first.Month(), daysIn(first.Year(), first.Month()))
}

// Weekday returns the day of the week; time.Sunday, the zero Weekday,
// for the zero Date.
func (d Date) Weekday() time.Weekday {
	if d.IsZero() {
		return time.Sunday
	}
	return d.In(nil).Weekday()
}

// String formats the date as "2026-05-31"; the zero Date is "".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.year, d.month, d.day)
}

// MarshalText implements encoding.TextMarshaler as "2026-05-31".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts only
// dates that exist, written YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// daysIn returns the number of days of the month.
func daysIn(year int, month time.Month) int {
	switch month {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// minDate returns the earlier of a and b.
func minDate(a, b Date) Date {
	if b.Before(a) {
		return b
	}
	return a
}
