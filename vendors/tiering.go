package vendors

import (
	_ "embed"
	"errors"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/text"
	"github.com/outsourcing-go/outsourcing/rules"
)

// Tier is a vendor's management tier: how closely it is governed and how
// often it is reviewed (Handbook §4.3, §6).
type Tier string

// Tiers.
const (
	TierCritical  Tier = "critical"
	TierImportant Tier = "important"
	TierStandard  Tier = "standard"
)

var tiers = []Tier{TierCritical, TierImportant, TierStandard}

// String returns the tier's name.
func (t Tier) String() string { return string(t) }

// Label returns the tier in words for a reader ("critical"); String and
// JSON keep the id. The tiers' ids are words already.
func (t Tier) Label() string { return string(t) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown tiers.
func (t Tier) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(t, "tier", tiers) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown tiers.
func (t *Tier) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(t, text, "tier", tiers)
}

// TieringEnv is what a tiering table's input expressions see: the EBIOS
// RM zone and threat level ("" and 0 when not assessed), the annual spend
// amount, and the due-diligence risk rating ("" when none).
type TieringEnv struct {
	Zone   string              `expr:"zone"`
	Threat outsourcing.Decimal `expr:"threat"`
	Spend  outsourcing.Decimal `expr:"spend"`
	Risk   string              `expr:"risk"`
}

// TieringInput is one vendor's data for tiering.
type TieringInput struct {
	Vendor string `json:"vendor"`
	// Criticality is the EBIOS RM assessment, if any.
	Criticality *Criticality `json:"criticality,omitempty"`
	// Spend is the annual spend, in the currency the table's thresholds assume.
	Spend outsourcing.Money `json:"spend,omitzero"`
	// Risk is the due-diligence rating (QuestionnaireResult.Rating), if any.
	Risk outsourcing.RiskLevel `json:"risk,omitempty"`
}

// TierResult is a vendor's tier with the table row that gave it.
type TierResult struct {
	Vendor string `json:"vendor"`
	Tier   Tier   `json:"tier"`
	// ReviewMonths is the performance-review period the table sets.
	ReviewMonths int `json:"review_months"`
	// Row and Reason name the deciding row and its description.
	Row    string `json:"row"`
	Reason string `json:"reason,omitempty"`
}

// Tiering is a compiled tiering decision table over TieringEnv, with
// outputs tier (critical, important or standard) and review_months. It is
// immutable and safe for concurrent use.
type Tiering struct {
	table *rules.Table[TieringEnv]
	why   map[string]string
}

// CompileTiering compiles a tiering decision table (see
// rules.ParseTableSpec and DefaultTieringTableJSON). The table needs a
// string output tier whose every value is a Tier and a number output
// review_months. Problems are *outsourcing.FieldError values at pointers
// into the table document ("/outputs", "/rules/2/then/0"); cells that do
// not compile wrap *outsourcing.RuleError values.
func CompileTiering(spec rules.TableSpec) (*Tiering, error) {
	errs := checkEnumOutput(spec, "tier", tiers)
	if !slices.ContainsFunc(spec.Outputs, func(o rules.TableOutput) bool { return o.Name == "review_months" && o.Type == rules.ResultNumber }) {
		errs = append(errs, outsourcing.FieldErrorf("/outputs", "a tiering table needs the number output review_months"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, wrap(err)
	}
	t, err := rules.CompileTable[TieringEnv](spec)
	if err != nil {
		return nil, wrap(err)
	}
	return &Tiering{table: t, why: rowReasons(spec)}, nil
}

//go:embed defaults/tiering-table.json
var defaultTieringJSON []byte

// DefaultTieringTableJSON returns a copy of the shipped tiering table
// (FIRST hit policy): critical in the EBIOS RM danger zone or from an
// annual spend of 1,000,000; important for a high or very high
// due-diligence risk, the control zone or a spend from 100,000; standard
// otherwise; reviewed every 3, 6 and 12 months. Edit it and compile it
// with rules.ParseTableSpec and CompileTiering.
func DefaultTieringTableJSON() []byte { return slices.Clone(defaultTieringJSON) }

var defaultTiering = shippedTable(defaultTieringJSON, CompileTiering)

// DefaultTiering returns the compiled default tiering table.
func DefaultTiering() *Tiering { return defaultTiering() }

// Tier decides the tier of one vendor. A risk rating or zone that is not
// one of the known values is a *FieldError matching ErrInvalidInput at
// "/risk" or "/criticality/zone" (a typo would otherwise match no
// trigger and tier the vendor standard). A table that yields no row, or
// an output of the wrong kind, is a *FieldError matching ErrRule.
func (t *Tiering) Tier(in TieringInput) (TierResult, error) {
	var errs []error
	if in.Risk != "" && in.Risk.Rank() == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/risk", "vendor %q: unknown risk rating %q", in.Vendor, in.Risk))
	}
	if c := in.Criticality; c != nil && !slices.Contains(zones, c.Zone) {
		errs = append(errs, outsourcing.FieldErrorf("/criticality/zone", "vendor %q: unknown zone %q (want %s)", in.Vendor, c.Zone, text.List(zones)))
	}
	if err := errors.Join(errs...); err != nil {
		return TierResult{}, wrap(err)
	}
	env := TieringEnv{Risk: string(in.Risk)}
	if !in.Spend.IsZero() {
		env.Spend = in.Spend.Amount()
	}
	if c := in.Criticality; c != nil {
		env.Zone, env.Threat = string(c.Zone), c.Threat
	}
	d, err := t.table.Decide(env)
	if err != nil {
		return TierResult{}, wrap(err)
	}
	if len(d.Rows) == 0 {
		return TierResult{}, wrap(outsourcing.FieldErrorOf(outsourcing.ErrRule, "", "vendor %q: no row of table %q matches", in.Vendor, d.Table))
	}
	res := TierResult{Vendor: in.Vendor, Tier: Tier(decisionOutput(d, "tier")), Row: d.Rows[0], Reason: t.why[d.Rows[0]]}
	months, _ := d.Output("review_months")
	m, ok := months.(float64)
	if !ok || m < 1 || m != math.Trunc(m) {
		return TierResult{}, wrap(outsourcing.FieldErrorOf(outsourcing.ErrRule, "", "vendor %q: row %q gives review_months %v, not a whole number of months",
			in.Vendor, res.Row, months))
	}
	res.ReviewMonths = int(m)
	return res, nil
}
