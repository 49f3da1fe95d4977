package planning

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
	"github.com/outsourcing-go/outsourcing/rules"
)

//go:embed tables/sourcing-model.table.json
var sourcingTableJSON []byte

// SourcingTableDocument returns the JSON text of the shipped
// sourcing-model decision table (tables/sourcing-model.table.json), to
// save, edit and load again with rules.ParseTableSpec and
// NewSourcingAdvisor.
func SourcingTableDocument() []byte { return slices.Clone(sourcingTableJSON) }

// Names of the output columns a sourcing-model table must have.
const (
	// SourcingOutputScope is a string column of SourcingScope values.
	SourcingOutputScope = "scope"
	// SourcingOutputLocation is a string column of SourcingLocation values.
	SourcingOutputLocation = "location"
	// SourcingOutputRationale, optional, is a string column explaining the row.
	SourcingOutputRationale = "rationale"
)

// SourcingInputs describe a service for the sourcing-model recommendation
// (Handbook §1.3).
type SourcingInputs struct {
	// Criticality is how much the business depends on the service.
	Criticality Criticality `json:"criticality"`
	// Capability is the organisation's readiness to manage providers, the
	// Level of AssessCapability (Handbook §1.2).
	Capability ReadinessLevel `json:"capability"`
	// ExpectedSavings is the expected saving of outsourcing in percent of
	// the in-house cost (TCOResult.SavingsPercent gives it from a TCO
	// comparison); negative when outsourcing costs more.
	ExpectedSavings outsourcing.Percent `json:"expected_savings"`
	// Risk is the overall sourcing risk.
	Risk outsourcing.RiskLevel `json:"risk"`
}

// validate reports unknown enum values, joined in field order.
func (in SourcingInputs) validate() error {
	var errs []error
	if in.Criticality.Rank() == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/criticality", "unknown criticality %q (want %s)", text.Truncate(string(in.Criticality), maxQuoted), text.List(criticalities)))
	}
	if in.Capability.Rank() == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/capability", "unknown readiness level %q (want %s)", text.Truncate(string(in.Capability), maxQuoted), text.List(readinessLevels)))
	}
	if in.Risk.Rank() == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/risk", "unknown risk level %q (want %s)", text.Truncate(string(in.Risk), maxQuoted), text.List(riskLevels)))
	}
	return errors.Join(errs...)
}

// sourcingEnv is what the input expressions of a sourcing-model table
// read; see NewSourcingAdvisor for the names.
type sourcingEnv struct {
	Criticality     string              `expr:"criticality"`
	CriticalityRank int                 `expr:"criticality_rank"`
	Capability      string              `expr:"capability"`
	CapabilityRank  int                 `expr:"capability_rank"`
	ExpectedSavings outsourcing.Decimal `expr:"expected_savings"`
	Risk            string              `expr:"risk"`
	RiskRank        int                 `expr:"risk_rank"`
}

func (in SourcingInputs) env() sourcingEnv {
	return sourcingEnv{
		Criticality: string(in.Criticality), CriticalityRank: in.Criticality.Rank(),
		Capability: string(in.Capability), CapabilityRank: in.Capability.Rank(),
		ExpectedSavings: in.ExpectedSavings.Points(),
		Risk:            string(in.Risk), RiskRank: in.Risk.Rank(),
	}
}

// Recommendation is a sourcing model chosen by a sourcing-model table,
// with what is needed to audit it.
type Recommendation struct {
	// Scope is how much of the service to outsource.
	Scope SourcingScope `json:"scope"`
	// Location is where the service is delivered from; onshore for an
	// in-house service unless the table says otherwise.
	Location SourcingLocation `json:"location"`
	// Rationale is the row's rationale output (empty when the table has
	// no rationale column).
	Rationale string `json:"rationale,omitempty"`
	// Table is the id of the table that decided.
	Table string `json:"table"`
	// Rows holds the id of the row that gave the result (several for a
	// RULE ORDER or COLLECT table, whose first row is used; none when a
	// table's defaults applied).
	Rows []string `json:"rows"`
	// Matched lists every row whose tests held, in table order.
	Matched []string `json:"matched"`
	// Description is the description of the first row in Rows: the
	// sources it rests on.
	Description string `json:"description,omitempty"`
}

// SourcingAdvisor recommends a sourcing model from a compiled decision
// table. It is immutable and safe for concurrent use.
type SourcingAdvisor struct {
	table        *rules.Table[sourcingEnv]
	descriptions map[string]string
}

// NewSourcingAdvisor compiles a sourcing-model decision table: the shipped
// one (SourcingTableDocument) edited, or a table of your own read with
// rules.ParseTableSpec or built in Go. Its input expressions may read:
//
//	criticality       string: low, medium, high, core
//	criticality_rank  int 1..4
//	capability        string: not_ready, developing, ready
//	capability_rank   int 1..3
//	expected_savings  decimal, percent of in-house cost (25 = 25 %)
//	risk              string: very_low, low, moderate, high, very_high
//	risk_rank         int 1..5
//
// and it must have string outputs named "scope" (SourcingScope values)
// and "location" (SourcingLocation values), and may have a string output
// "rationale". Any hit policy works; with several resulting rows the
// first is used.
//
// Errors, after the prefix "planning: ": those of rules.CompileTable
// (*FieldError, *RuleError), and *FieldError (ErrInvalidInput) with a
// JSON pointer into spec ("/rules/3/then/0") for a missing or non-string
// output column or a row or default whose scope or location is not a
// known value.
func NewSourcingAdvisor(spec rules.TableSpec, opts ...rules.Option) (*SourcingAdvisor, error) {
	table, err := rules.CompileTable[sourcingEnv](spec, opts...)
	if err != nil {
		return nil, wrap(err)
	}
	if err := checkSourcingOutputs(spec); err != nil {
		return nil, wrap(err)
	}
	a := &SourcingAdvisor{table: table, descriptions: map[string]string{}}
	for r, row := range spec.Rules {
		a.descriptions[rowID(r, row)] = row.Description
	}
	return a, nil
}

// rowID is the id a decision names row r by: its own, else "r" and its
// 1-based position (see rules.TableRow).
func rowID(r int, row rules.TableRow) string {
	if row.ID != "" {
		return row.ID
	}
	return fmt.Sprintf("r%d", r+1)
}

// checkSourcingOutputs checks the output columns and every value of the
// scope and location columns, rows first, then defaults.
func checkSourcingOutputs(spec rules.TableSpec) error {
	var errs []error
	columns := map[string]int{}
	for o, out := range spec.Outputs {
		columns[out.Name] = o
	}
	type column struct {
		name  string
		valid func(string) bool
		want  string
	}
	for _, col := range []column{
		{SourcingOutputScope, func(s string) bool { return slices.Contains(sourcingScopes, SourcingScope(s)) }, text.List(sourcingScopes)},
		{SourcingOutputLocation, func(s string) bool { return slices.Contains(sourcingLocations, SourcingLocation(s)) }, text.List(sourcingLocations)},
		{SourcingOutputRationale, func(string) bool { return true }, ""},
	} {
		o, ok := columns[col.name]
		switch {
		case !ok && col.name == SourcingOutputRationale:
			continue
		case !ok:
			errs = append(errs, outsourcing.FieldErrorf("/outputs", "sourcing table %q has no %q output", text.Truncate(spec.ID, maxQuoted), col.name))
			continue
		case spec.Outputs[o].Type != rules.ResultString:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("outputs", o, "type"), "sourcing table output %q must be a string", col.name))
			continue
		}
		for r, row := range spec.Rules {
			if s, _ := row.Then[o].(string); !col.valid(s) {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("rules", r, "then", o), "%s %q is not one of %s", col.name, text.Truncate(s, maxQuoted), col.want))
			}
		}
		if d := spec.Outputs[o].Default; d != nil {
			if s, _ := d.(string); !col.valid(s) {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("outputs", o, "default"), "default %s %q is not one of %s", col.name, text.Truncate(s, maxQuoted), col.want))
			}
		}
	}
	return errors.Join(errs...)
}

var defaultSourcingAdvisor = sync.OnceValue(func() *SourcingAdvisor {
	spec, err := rules.ParseTableSpec(sourcingTableJSON)
	if err == nil {
		var a *SourcingAdvisor
		if a, err = NewSourcingAdvisor(spec); err == nil {
			return a
		}
	}
	panic("planning: the shipped sourcing-model table does not compile: " + err.Error())
})

// DefaultSourcingAdvisor returns the advisor of the shipped sourcing-model
// table (SourcingTableDocument), compiled on first use and shared. Its
// rows, hit policy FIRST, run from hard constraints to preferences: a core
// service, a very high risk or expected savings under 10 % keep the
// service in house; weak capability limits the scope; high criticality or
// risk keeps delivery onshore or nearshore; commodity services with large
// savings (≥ 25 %) go offshore. Each row's description cites its sources
// (Lacity, Willcocks & Feeny 1996; Lacity & Willcocks 1998; Feeny &
// Willcocks 1998; Barthélemy 2001; Carmel & Abbott 2007) and the handbook.
func DefaultSourcingAdvisor() *SourcingAdvisor { return defaultSourcingAdvisor() }

// Table returns the specification the advisor was compiled from.
func (a *SourcingAdvisor) Table() rules.TableSpec { return a.table.Spec() }

// Recommend evaluates the table for the inputs.
//
// Errors, after the prefix "planning: ": *FieldError (ErrInvalidInput)
// at "/criticality", "/capability" or "/risk" for an unknown level; those
// of rules.Table.Decide (ErrRule); a *FieldError matching ErrNotFound
// when no row matches and the table has no defaults for both scope and
// location.
func (a *SourcingAdvisor) Recommend(in SourcingInputs) (Recommendation, error) {
	if err := in.validate(); err != nil {
		return Recommendation{}, wrap(err)
	}
	d, err := a.table.Decide(in.env())
	if err != nil {
		return Recommendation{}, wrap(err)
	}
	var out map[string]any
	if len(d.Outputs) > 0 {
		out = d.Outputs[0]
	}
	scope, _ := out[SourcingOutputScope].(string)
	location, _ := out[SourcingOutputLocation].(string)
	if scope == "" || location == "" { // no row, and no default for both
		return Recommendation{}, wrap(&outsourcing.FieldError{Err: outsourcing.ErrNotFound,
			Reason: fmt.Sprintf("sourcing table %q: no row matches criticality %s, capability %s, expected savings %s, risk %s",
				d.Table, in.Criticality, in.Capability, in.ExpectedSavings, in.Risk)})
	}
	rec := Recommendation{Scope: SourcingScope(scope), Location: SourcingLocation(location), Table: d.Table, Rows: d.Rows, Matched: d.Matched}
	rec.Rationale, _ = out[SourcingOutputRationale].(string)
	if len(d.Rows) > 0 {
		rec.Description = a.descriptions[d.Rows[0]]
	}
	return rec, nil
}
