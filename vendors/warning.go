package vendors

import "github.com/outsourcing-go/outsourcing"

// Warning is something a selection committee must look at that does not
// stop the calculation: a configuration where price alone can decide, an
// award decided by price, inconsistent AHP judgments, abnormally low bids.
type Warning struct {
	Code WarningCode `json:"code"`
	// Path is the JSON pointer of the field concerned in the caller's
	// template or evaluation document ("" for the whole result).
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

// WarningCode classifies a Warning.
type WarningCode string

// Warning codes.
const (
	// WarningPriceAloneDecides: the price dimension weighs half the total
	// or more, so the cheapest bid can win whatever its quality.
	WarningPriceAloneDecides WarningCode = "price_alone_decides"
	// WarningPriceDecided: the winner is the cheapest bid and would not
	// win on the other dimensions alone.
	WarningPriceDecided WarningCode = "price_decided"
	// WarningAbnormallyLow: a bid is abnormally low and must be explained
	// before award (Directive 2014/24/EU Art. 69).
	WarningAbnormallyLow WarningCode = "abnormally_low"
	// WarningInconsistentAHP: the AHP comparison's consistency ratio is
	// above 0.10.
	WarningInconsistentAHP WarningCode = "inconsistent_ahp"
	// WarningOutliers: some evaluators' scores are far from the panel's.
	WarningOutliers WarningCode = "outliers"
)

var warningCodes = []WarningCode{WarningPriceAloneDecides, WarningPriceDecided, WarningAbnormallyLow, WarningInconsistentAHP, WarningOutliers}

// String returns the code's name.
func (c WarningCode) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown codes.
func (c WarningCode) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(c, "warning code", warningCodes)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown codes.
func (c *WarningCode) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(c, text, "warning code", warningCodes)
}
