package contract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// Span is a length of calendar time as contracts state it: "three
// months", "90 days", "one year". On the wire it is an ISO 8601 duration
// of dates only: "P3M", "P90D", "P1Y", "P2W", "P1Y6M". Months and years
// move by calendar months with Date.AddMonths (clamped to the month's
// end); weeks and days by days, applied after the months, as Java's
// Period.addTo does. The zero Span is "no span".
type Span struct {
	months int // years × 12 + months
	days   int // weeks × 7 + days
}

// Months returns a span of n calendar months.
func Months(n int) Span { return Span{months: n} }

// Years returns a span of n years (12 × n months).
func Years(n int) Span { return Span{months: 12 * n} }

// Days returns a span of n days.
func Days(n int) Span { return Span{days: n} }

// Weeks returns a span of n weeks (7 × n days).
func Weeks(n int) Span { return Span{days: 7 * n} }

var spanPattern = regexp.MustCompile(`^P(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,5})W)?(?:(\d{1,6})D)?$`)

// ParseSpan parses an ISO 8601 date duration such as "P3M" or "P1Y6M".
// Time parts ("PT1H"), signs, fractions and the empty "P" are refused.
func ParseSpan(s string) (Span, error) {
	m := spanPattern.FindStringSubmatch(s)
	if m == nil || s == "P" {
		return Span{}, outsourcing.FieldErrorf("", "%q is not an ISO 8601 duration of years, months, weeks and days such as P3M or P90D", s)
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	return Span{months: 12*n(1) + n(2), days: 7*n(3) + n(4)}, nil
}

// IsZero reports whether s is the zero span.
func (s Span) IsZero() bool { return s == Span{} }

// Times returns the span k times over: Months(1).Times(3) is three
// months. Recurring dates are anchor + every.Times(k), counted from the
// anchor so that month ends do not drift.
func (s Span) Times(k int) Span { return Span{months: s.months * k, days: s.days * k} }

// AddTo returns d moved forward by the span: months first (clamped to
// the month's end), then days.
func (s Span) AddTo(d Date) Date {
	if s.months != 0 {
		d = d.AddMonths(s.months)
	}
	if s.days != 0 {
		d = d.AddDays(s.days)
	}
	return d
}

// SubtractFrom returns d moved back by the span: months first (clamped),
// then days. "Three months before 31 May" is Months(3).SubtractFrom of
// 31 May: 28 February.
func (s Span) SubtractFrom(d Date) Date { return Span{-s.months, -s.days}.AddTo(d) }

// String formats the span in ISO 8601: "P3M", "P1Y6M", "P90D"; the zero
// span is "P0D".
func (s Span) String() string {
	if s.IsZero() {
		return "P0D"
	}
	var b strings.Builder
	b.WriteByte('P')
	part := func(n int, unit byte) {
		if n != 0 {
			b.WriteString(strconv.Itoa(n))
			b.WriteByte(unit)
		}
	}
	part(s.months/12, 'Y')
	part(s.months%12, 'M')
	if s.days%7 == 0 {
		part(s.days/7, 'W')
	} else {
		part(s.days, 'D')
	}
	return b.String()
}

// MarshalText implements encoding.TextMarshaler.
func (s Span) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler (see ParseSpan).
func (s *Span) UnmarshalText(b []byte) error {
	v, err := ParseSpan(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}
