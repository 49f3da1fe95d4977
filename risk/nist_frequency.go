package risk

import (
	"math"

	"github.com/outsourcing-go/outsourcing"
)

// NISTFrequencyLevel maps a frequency of non-adversarial threat events per
// year onto the likelihood scale of NIST SP 800-30 Rev. 1, Appendix G,
// Table G-3 (likelihood of threat event occurrence, non-adversarial):
// very high "more than 100 times a year", high "between 10-100 times a
// year", moderate "between 1-10 times a year", low "less than once a year,
// but more than once every 10 years", very low "less than once every 10
// years". The published bounds overlap at 10 and leave 0.1 and 1 between
// rows; they are closed as very low [0, 0.1), low [0.1, 1), moderate
// [1, 10), high [10, 100], very high above 100, so a boundary takes the
// more severe level except at 100, which the table's high row names. A
// negative, NaN or infinite frequency is a *outsourcing.FieldError (path
// "", the frequency) matching outsourcing.ErrInvalidInput.
func NISTFrequencyLevel(eventsPerYear float64) (outsourcing.RiskLevel, error) {
	f := eventsPerYear
	switch {
	case !(f >= 0) || math.IsInf(f, 0):
		return "", wrap(outsourcing.FieldErrorf("", "frequency %g must be a finite number of events a year ≥ 0", f))
	case f > 100:
		return outsourcing.RiskLevelVeryHigh, nil
	case f >= 10:
		return outsourcing.RiskLevelHigh, nil
	case f >= 1:
		return outsourcing.RiskLevelModerate, nil
	case f >= 0.1:
		return outsourcing.RiskLevelLow, nil
	}
	return outsourcing.RiskLevelVeryLow, nil
}
