package risk

import "github.com/outsourcing-go/outsourcing"

// BusinessCaseSpec is a risk-adjusted business case on a TCO model
// (planning.TCOModel, Handbook §1.2: a feasibility analysis that weighs
// cost, benefit and risk together): which of the model's inputs are
// uncertain and how, and which risks fall on which option. ParseBusinessCase
// reads it from JSON; CompileBusinessCase checks it against a compiled
// planning.TCO.
type BusinessCaseSpec struct {
	// ID names the business case.
	ID string `json:"id"`
	// Name is a human-readable title.
	Name string `json:"name,omitempty"`
	// Model, when set, is the ID of the TCO model the case is written
	// for; CompileBusinessCase refuses another model.
	Model string `json:"model,omitempty"`
	// Currency is the currency of every amount in the case; it must be the
	// model's.
	Currency outsourcing.Currency `json:"currency"`
	// Inputs are the uncertain inputs, at most MaxCaseInputs. An input of
	// the model not listed keeps its model value in every trial.
	Inputs []UncertainInput `json:"inputs,omitempty"`
	// Risks are the risk scenarios attached to options, at most MaxCaseRisks.
	Risks []CaseRisk `json:"risks,omitempty"`
}

// Limits on a business case document.
const (
	// MaxCaseInputs is the largest number of uncertain inputs.
	MaxCaseInputs = 100
	// MaxCaseRisks is the largest number of risk scenarios.
	MaxCaseRisks = 50
	// MaxDiscreteValues is the largest number of values of a discrete estimate.
	MaxDiscreteValues = 1000
)

// UncertainInput is one input of the TCO model given as a distribution.
// The drawn value replaces the model's value in each trial, in the unit of
// Parameter:
//
//   - InputParameterAmount: a recurring or one-off line's Amount in the
//     model currency (its Probability still applies), or a percent line's
//     share in percent;
//   - InputParameterEscalation: a constant escalation per step in percent
//     that replaces the line's index (its cap and step still apply; a line
//     without escalation steps every year);
//   - InputParameterDuration: the number of periods a recurring or percent
//     line runs from its start (a transition that takes longer), rounded
//     half away from zero to whole periods; the lines in Moves start that
//     many periods later (or earlier) as the duration exceeds (or falls
//     short of) the model's;
//   - InputParameterDiscountRate: the annual discount rate in percent;
//     Option and Line are left out.
type UncertainInput struct {
	// ID names the input in results (drivers); unique among inputs and risks.
	ID string `json:"id"`
	// Parameter is what the input sets.
	Parameter InputParameter `json:"parameter"`
	// Option and Line are the IDs of the cost line the input sets.
	Option string `json:"option,omitempty"`
	Line   string `json:"line,omitempty"`
	// Moves, for a duration only, are IDs of lines of the same option that
	// follow the line: their start (a one-off line's period) moves with
	// its end, their own end stays.
	Moves []string `json:"moves,omitempty"`
	// Estimate is the input's distribution.
	Estimate Estimate `json:"estimate"`
}

// InputParameter is what an uncertain input sets on the TCO model.
type InputParameter string

// Uncertain input parameters.
const (
	// InputParameterAmount is a line's amount (or a percent line's share).
	InputParameterAmount InputParameter = "amount"
	// InputParameterEscalation is a line's escalation per step.
	InputParameterEscalation InputParameter = "escalation"
	// InputParameterDuration is a line's number of periods from its start.
	InputParameterDuration InputParameter = "duration"
	// InputParameterDiscountRate is the model's annual discount rate.
	InputParameterDiscountRate InputParameter = "discount_rate"
)

var inputParameters = []InputParameter{InputParameterAmount, InputParameterEscalation, InputParameterDuration, InputParameterDiscountRate}

// String returns the parameter name.
func (p InputParameter) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown parameters.
func (p InputParameter) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(p, "input parameter", inputParameters)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown parameters.
func (p *InputParameter) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(p, text, "input parameter", inputParameters)
}

// Estimate is the distribution of an uncertain input, in the input's unit
// (see UncertainInput). Parameters are exact decimals, converted to
// float64 for the simulation.
type Estimate struct {
	// Distribution selects which of the fields below are used.
	Distribution EstimateKind `json:"distribution"`
	// Min, Mode and Max: PERT and triangular (min ≤ mode ≤ max, min <
	// max); uniform uses Min and Max (min < max).
	Min  *outsourcing.Decimal `json:"min,omitempty"`
	Mode *outsourcing.Decimal `json:"mode,omitempty"`
	Max  *outsourcing.Decimal `json:"max,omitempty"`
	// Low and High: the lognormal's 90 % interval (5th and 95th
	// percentiles), 0 < low < high.
	Low  *outsourcing.Decimal `json:"low,omitempty"`
	High *outsourcing.Decimal `json:"high,omitempty"`
	// Shape is the PERT shape λ in 0..MaxPERTShape; 0 means 4.
	Shape float64 `json:"shape,omitempty"`
	// Values, for a discrete estimate, are the possible values (1 to
	// MaxDiscreteValues); a single value fixes the input.
	Values []outsourcing.Decimal `json:"values,omitempty"`
	// Weights, optional for a discrete estimate, are the values' relative
	// weights (≥ 0, not all zero); without them the values are equally
	// likely.
	Weights []outsourcing.Decimal `json:"weights,omitempty"`
}

// EstimateKind names the distribution of an uncertain input.
type EstimateKind string

// Estimate distributions.
const (
	// EstimateKindPERT is PERT(min, mode, max) with Shape (default 4).
	EstimateKindPERT EstimateKind = "pert"
	// EstimateKindLognormal is the lognormal fitted to the 90 % interval [low, high].
	EstimateKindLognormal EstimateKind = "lognormal"
	// EstimateKindTriangular is triangular(min, mode, max).
	EstimateKindTriangular EstimateKind = "triangular"
	// EstimateKindUniform is uniform on [min, max].
	EstimateKindUniform EstimateKind = "uniform"
	// EstimateKindDiscrete is a list of values with optional weights.
	EstimateKindDiscrete EstimateKind = "discrete"
)

var estimateKinds = []EstimateKind{EstimateKindPERT, EstimateKindLognormal, EstimateKindTriangular, EstimateKindUniform, EstimateKindDiscrete}

// String returns the distribution name.
func (k EstimateKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k EstimateKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "estimate", estimateKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *EstimateKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "estimate", estimateKinds)
}

// CaseRisk is a risk scenario attached to one option of the model: its
// losses are costs of that option, drawn per contract year with the
// Scenario models Simulate uses (frequency, vulnerability, magnitude).
type CaseRisk struct {
	// ID names the risk in results (drivers); unique among inputs and risks.
	ID string `json:"id"`
	// Option is the ID of the option that bears the losses.
	Option string `json:"option"`
	// Kind says how the scenario's losses become costs.
	Kind CaseRiskKind `json:"kind"`
	// Scenario is the loss model, in the case's currency.
	Scenario Scenario `json:"scenario"`
}

// CaseRiskKind says how a risk scenario's losses become an option's costs.
type CaseRiskKind string

// Risk kinds.
const (
	// CaseRiskKindLoss charges every contract year's simulated annual loss
	// (a vendor failure's losses, say) in the last period of that year; a
	// final partial year is charged its share of a year's draw.
	CaseRiskKindLoss CaseRiskKind = "loss"
	// CaseRiskKindExit ends the contract early in the first contract year
	// with a loss event and charges one draw of the magnitude (the exit
	// cost) in the last period of that year, once per trial. The option's
	// other costs run on as modelled (a successor at the same cost).
	CaseRiskKindExit CaseRiskKind = "exit"
)

var caseRiskKinds = []CaseRiskKind{CaseRiskKindLoss, CaseRiskKindExit}

// String returns the kind name.
func (k CaseRiskKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k CaseRiskKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "risk kind", caseRiskKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *CaseRiskKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "risk kind", caseRiskKinds)
}
