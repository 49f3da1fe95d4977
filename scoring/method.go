package scoring

import (
	"cmp"
	"errors"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Method names a multi-criteria aggregation method.
type Method string

// Methods.
const (
	// MethodWSM is the weighted sum model (simple additive weighting):
	// Sᵢ = Σⱼ wⱼ rᵢⱼ on normalised values (default normalisation linear).
	MethodWSM Method = "wsm"
	// MethodWPM is the weighted product model (Bridgman 1922; Miller &
	// Starr 1969): Pᵢ = Πⱼ rᵢⱼ^wⱼ on normalised values (default linear,
	// which equals Πⱼ xᵢⱼ^±wⱼ up to a constant factor).
	MethodWPM Method = "wpm"
	// MethodTOPSIS is Hwang & Yoon (1981): closeness to the ideal
	// Cᵢ = D⁻ᵢ/(D⁺ᵢ + D⁻ᵢ) with Euclidean distances on weighted normalised
	// values (default normalisation vector; min_max also common).
	MethodTOPSIS Method = "topsis"
	// MethodVIKOR is Opricovic (1998), Opricovic & Tzeng (2004): Q, lower is better.
	MethodVIKOR Method = "vikor"
	// MethodPROMETHEEII is Brans & Vincke (1985): net outranking flow φ.
	MethodPROMETHEEII Method = "promethee_ii"
	// MethodWASPAS is Zavadskas et al. (2012): λ·WSM + (1 − λ)·WPM on
	// linearly normalised values.
	MethodWASPAS Method = "waspas"
)

var methods = []Method{MethodWSM, MethodWPM, MethodTOPSIS, MethodVIKOR, MethodPROMETHEEII, MethodWASPAS}

// String returns the method name.
func (m Method) String() string { return string(m) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown methods.
func (m Method) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(m, "method", methods)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown methods.
func (m *Method) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(m, b, "method", methods)
}

// defaultNormalization is the normalisation each method uses when none is set.
func (m Method) defaultNormalization() Normalization {
	switch m {
	case MethodTOPSIS:
		return NormalizationVector
	case MethodWSM, MethodWPM, MethodWASPAS:
		return NormalizationLinear
	default:
		return "" // VIKOR and PROMETHEE work on raw values
	}
}

// Config chooses a method and its parameters. The zero value of each
// field is a documented default; Method is required.
type Config struct {
	// Method is the aggregation method.
	Method Method `json:"method"`
	// Normalization applies to WSM, WPM and TOPSIS; empty means the
	// method's default (WSM, WPM: linear; TOPSIS: vector). VIKOR and
	// PROMETHEE II define their own scaling and reject a setting.
	Normalization Normalization `json:"normalization,omitempty"`
	// Constant is the policy for zero-range criteria (min-max, VIKOR).
	Constant ConstantPolicy `json:"constant,omitempty"`
	// V is VIKOR's weight of the strategy of the majority of criteria,
	// in [0, 1]; nil means 0.5.
	V *float64 `json:"v,omitempty"`
	// Preferences are PROMETHEE II's preference functions, one per
	// criterion in column order; nil means the usual criterion for all.
	Preferences []Preference `json:"preferences,omitempty"`
	// IdealPositive and IdealNegative are TOPSIS's reference ideals, one
	// value per criterion in the criteria's own units (for example 10 and
	// 0 on a 0–10 rating); nil means the best and worst value of each
	// column. Each may be given without the other.
	IdealPositive []float64 `json:"ideal_positive,omitempty"`
	IdealNegative []float64 `json:"ideal_negative,omitempty"`
	// ShowWork makes TOPSIS return its weighted normalised matrix in
	// TOPSISDetail.Weighted (rows × criteria numbers).
	ShowWork bool `json:"show_work,omitempty"`
	// Lambda is WASPAS's weight of the weighted sum, in [0, 1]; nil means 0.5.
	Lambda *float64 `json:"lambda,omitempty"`
	// WeightsAsGiven uses the weights as given instead of rescaling them
	// to sum 1, as several tools and papers do: weighted sums, distances
	// and flows then scale with the sum of the weights and products are
	// raised to its power; rankings change only for WASPAS.
	WeightsAsGiven bool `json:"weights_as_given,omitempty"`
}

// validate checks the settings for a matrix of n criteria: known names,
// values in range, and each method's own settings given to it only.
func (c Config) validate(n int) error {
	if err := enumError("/method", "method", c.Method, methods); err != nil {
		return err
	}
	var errs []error
	if c.Normalization != "" {
		if c.Method == MethodVIKOR || c.Method == MethodPROMETHEEII {
			errs = append(errs, outsourcing.FieldErrorf("/normalization", "%s defines its own scaling; leave normalization empty", c.Method))
		} else {
			errs = append(errs, enumError("/normalization", "normalization", c.Normalization, normalizations))
		}
	}
	errs = append(errs, checkPolicy(c.Constant))
	if c.V != nil {
		if c.Method != MethodVIKOR {
			errs = append(errs, outsourcing.FieldErrorf("/v", "v applies to vikor only"))
		} else {
			errs = append(errs, checkV(*c.V))
		}
	}
	if c.Preferences != nil {
		if c.Method != MethodPROMETHEEII {
			errs = append(errs, outsourcing.FieldErrorf("/preferences", "preferences apply to promethee_ii only"))
		} else {
			errs = append(errs, checkPreferences(c.Preferences, n))
		}
	}
	if c.IdealPositive != nil {
		errs = append(errs, c.checkIdeal("ideal_positive", c.IdealPositive, n))
	}
	if c.IdealNegative != nil {
		errs = append(errs, c.checkIdeal("ideal_negative", c.IdealNegative, n))
	}
	if c.Lambda != nil {
		if c.Method != MethodWASPAS {
			errs = append(errs, outsourcing.FieldErrorf("/lambda", "lambda applies to waspas only"))
		} else {
			errs = append(errs, checkLambda(*c.Lambda))
		}
	}
	if c.ShowWork && c.Method != MethodTOPSIS {
		errs = append(errs, outsourcing.FieldErrorf("/show_work", "show_work applies to topsis only"))
	}
	return errors.Join(errs...)
}

// checkIdeal checks a TOPSIS reference ideal: one finite value per criterion.
func (c Config) checkIdeal(name string, ideal []float64, n int) error {
	if c.Method != MethodTOPSIS {
		return outsourcing.FieldErrorf("/"+name, "%s applies to topsis only", name)
	}
	if len(ideal) != n {
		return outsourcing.FieldErrorf("/"+name, "%d values for %d criteria", len(ideal), n)
	}
	for j, v := range ideal {
		if !isFinite(v) {
			return outsourcing.FieldErrorf(jsonptr.Join(name, j), "reference ideal %v is not finite", v)
		}
	}
	return nil
}

// clone deep-copies the settings.
func (c Config) clone() Config {
	c.V = clonePtr(c.V)
	c.Preferences = slices.Clone(c.Preferences)
	c.IdealPositive = slices.Clone(c.IdealPositive)
	c.IdealNegative = slices.Clone(c.IdealNegative)
	c.Lambda = clonePtr(c.Lambda)
	return c
}

// normalization returns the normalisation in effect.
func (c Config) normalization() Normalization {
	if c.Normalization == "" {
		return c.Method.defaultNormalization()
	}
	return c.Normalization
}

// Scores is the outcome of one method on one matrix: a value per
// alternative plus the settings that produced it (audit trail). Values
// are unrounded float64; HigherIsBetter says how to rank them.
type Scores struct {
	// Method, Normalization and Weights say how the values were computed.
	Method        Method        `json:"method"`
	Normalization Normalization `json:"normalization,omitempty"`
	Weights       []float64     `json:"weights"`
	// Alternatives are the alternative ids, in the order of Values.
	Alternatives []string `json:"alternatives"`
	// Values is the score of each alternative (closeness, Q, net flow...).
	Values []float64 `json:"values"`
	// HigherIsBetter is false for VIKOR's Q.
	HigherIsBetter bool `json:"higher_is_better"`
	// TOPSIS holds the distances to the ideal and anti-ideal (TOPSIS only).
	TOPSIS *TOPSISDetail `json:"topsis,omitempty"`
	// VIKOR holds S, R, Q and the compromise solution (VIKOR only).
	VIKOR *VIKORDetail `json:"vikor,omitempty"`
	// PROMETHEE holds the leaving and entering flows (PROMETHEE II only).
	PROMETHEE *PROMETHEEDetail `json:"promethee,omitempty"`
	// WASPAS holds the weighted sum and product parts (WASPAS only).
	WASPAS *WASPASDetail `json:"waspas,omitempty"`
}

// Score applies cfg.Method to m with weights w (any non-negative scale;
// they are normalised to sum 1). It returns errors matching
// outsourcing.ErrInvalidInput for bad weights, settings or columns the
// method cannot handle.
func Score(m *Matrix, w []float64, cfg Config) (s *Scores, err error) {
	defer wrapErr(&err)
	if err := cfg.validate(m.Cols()); err != nil {
		return nil, err
	}
	if s, err = score(m, w, cfg); err != nil || !cfg.WeightsAsGiven {
		return s, err
	}
	_, sum, _ := normalizeWeights(w, m.criterionIDs(), "/weights") // checked by score
	s.asGiven(w, sum)
	return s, finite(s)
}

// score dispatches to the method.
func score(m *Matrix, w []float64, cfg Config) (*Scores, error) {
	switch cfg.Method {
	case MethodWSM:
		return WSM(m, w, cfg.normalization(), cfg.Constant)
	case MethodWPM:
		return WPM(m, w, cfg.normalization(), cfg.Constant)
	case MethodTOPSIS:
		return topsis(m, w, cfg)
	case MethodVIKOR:
		v := 0.5
		if cfg.V != nil {
			v = *cfg.V
		}
		return VIKOR(m, w, v, cfg.Constant)
	case MethodWASPAS:
		lambda := 0.5
		if cfg.Lambda != nil {
			lambda = *cfg.Lambda
		}
		return WASPAS(m, w, lambda, cfg.normalization(), cfg.Constant)
	default:
		return PROMETHEEII(m, w, cfg.Preferences)
	}
}

// newScores allocates a Scores for m with validated, normalised weights.
func newScores(m *Matrix, w []float64, method Method, norm Normalization, higher bool) (*Scores, error) {
	wn, _, err := normalizeWeights(w, m.criterionIDs(), "/weights")
	if err != nil {
		return nil, err
	}
	return &Scores{Method: method, Normalization: norm, Weights: wn, Alternatives: slices.Clone(m.alternatives), Values: make([]float64, m.Rows()), HigherIsBetter: higher}, nil
}

// normalizedScores starts a method that scores normalised values (WSM,
// WPM, TOPSIS; higher is better): norm defaults to the method's, the
// weights are checked and normalised, and every column's transform and
// statistics are derived.
func normalizedScores(m *Matrix, w []float64, method Method, norm Normalization, policy ConstantPolicy) (*Scores, []transform, colStats, error) {
	norm = cmp.Or(norm, method.defaultNormalization())
	s, err := newScores(m, w, method, norm, true)
	if err != nil {
		return nil, nil, colStats{}, err
	}
	ts, st, err := m.transforms(norm, policy)
	if err != nil {
		return nil, nil, colStats{}, err
	}
	return s, ts, st, nil
}

// finite checks that every score is a finite number: inputs are finite,
// but values near the float64 limits can overflow on the way, and a
// result must never hold NaN or ±Inf.
func finite(s *Scores) error {
	for i, v := range s.Values {
		if !isFinite(v) {
			return outsourcing.FieldErrorf(jsonptr.Join("rows", i), "alternative %q: the score overflows float64 (%v); rescale the values", s.Alternatives[i], v)
		}
	}
	return nil
}
