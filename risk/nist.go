package risk

import (
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// nistScale is NIST SP 800-30 Rev. 1's five qualitative levels, from the
// least to the most severe.
var nistScale = []outsourcing.RiskLevel{
	outsourcing.RiskLevelVeryLow, outsourcing.RiskLevelLow, outsourcing.RiskLevelModerate,
	outsourcing.RiskLevelHigh, outsourcing.RiskLevelVeryHigh,
}

// nistByPosition maps level rank r of k (1 = least severe) to NIST level
// ⌈5r/k⌉: the most severe NIST level that the level's share of the scale,
// ((r−1)/k, r/k], overlaps. It never understates a level, maps a
// five-level scale 1:1 and the top level of any scale to very high.
func nistByPosition(r, k int) outsourcing.RiskLevel {
	return nistScale[(5*r+k-1)/k-1]
}

// mapToNIST resolves every risk level's NIST level: the explicit
// LevelDef.NISTLevel values when the matrix gives them (on every level,
// known, never decreasing with severity), else by position
// (nistByPosition). Problems are *outsourcing.FieldError values at
// "/levels/i/nist_level".
func mapToNIST(levels []LevelDef) ([]outsourcing.RiskLevel, []error) {
	var errs []error
	out := make([]outsourcing.RiskLevel, len(levels))
	explicit := len(levels) > 0 && levels[0].NISTLevel != ""
	for i, l := range levels {
		p := jsonptr.Join("levels", i, "nist_level")
		switch {
		case (l.NISTLevel != "") != explicit:
			errs = append(errs, outsourcing.FieldErrorf(p, "nist_level must be set on every level or on none"))
		case !explicit:
			out[i] = nistByPosition(i+1, len(levels))
		case l.NISTLevel.Rank() == 0:
			errs = append(errs, outsourcing.FieldErrorf(p, "unknown NIST level %q (want very_low, low, moderate, high or very_high)",
				text.Truncate(string(l.NISTLevel), 40)))
		case i > 0 && out[i-1] != "" && l.NISTLevel.Rank() < out[i-1].Rank():
			errs = append(errs, outsourcing.FieldErrorf(p, "%s is below %s, the NIST level of the less severe %q", l.NISTLevel, out[i-1], levels[i-1].ID))
		default:
			out[i] = l.NISTLevel
		}
	}
	return out, errs
}

// NISTLevel returns a risk level of the matrix on NIST SP 800-30 Rev. 1's
// five-level scale (outsourcing.RiskLevel): the level's NISTLevel when the
// matrix sets them, else ⌈5r/k⌉ for the level of rank r among k (see
// OverallLevel for the rule and the presets' mappings). A level the matrix
// does not have is a *outsourcing.FieldError (path "", the level itself)
// matching outsourcing.ErrInvalidInput.
func (m *Matrix) NISTLevel(level Level) (outsourcing.RiskLevel, error) {
	i, ok := m.levels[level]
	if !ok {
		return "", wrap(outsourcing.FieldErrorf("", "%q is not a risk level of matrix %q", text.Truncate(string(level), 40), text.Truncate(m.spec.ID, 40)))
	}
	return m.nist[i], nil
}
