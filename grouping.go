package outsourcing

import "strings"

// Grouped formats d for a person to read: thousands separated by commas,
// the digits d carries after the point ("6479086.80" is "6,479,086.80").
// JSON and String stay plain.
func (d Decimal) Grouped() string { return groupThousands(d.String()) }

// Grouped formats m for a person to read, as String does but with
// thousands separated by commas: "6,479,086.80 EUR". Money{} is "none".
func (m Money) Grouped() string {
	if m.IsZero() {
		return "none"
	}
	return groupThousands(m.formatAmount()) + " " + string(m.currency)
}

// groupThousands inserts a comma every three digits of the integer part
// of a plain decimal string.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
		sign, s = s[:1], s[1:]
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	b.WriteString(sign)
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}
