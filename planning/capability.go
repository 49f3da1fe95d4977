package planning

import (
	"cmp"
	"errors"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"

	"github.com/shopspring/decimal"
)

// ReadinessLevel is how ready an organisation is to manage an outsourced
// service (Handbook §1.2, organisational capability assessment).
type ReadinessLevel string

const (
	// ReadinessNotReady: weighted score below 50 %.
	ReadinessNotReady ReadinessLevel = "not_ready"
	// ReadinessDeveloping: at least 50 % but below 75 %, or a critical
	// item below its target.
	ReadinessDeveloping ReadinessLevel = "developing"
	// ReadinessReady: at least 75 % and every critical item at its target.
	ReadinessReady ReadinessLevel = "ready"
)

var readinessLevels = []ReadinessLevel{ReadinessNotReady, ReadinessDeveloping, ReadinessReady}

// String returns the level name.
func (r ReadinessLevel) String() string { return string(r) }

// Rank orders the levels: not_ready 1, developing 2, ready 3; 0 for an
// unknown value.
func (r ReadinessLevel) Rank() int { return slices.Index(readinessLevels, r) + 1 }

// MarshalText implements encoding.TextMarshaler; unknown values are an error.
func (r ReadinessLevel) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(r, "readiness level", readinessLevels)
}

// UnmarshalText accepts the level names.
func (r *ReadinessLevel) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(r, b, "readiness level", readinessLevels)
}

// Readiness thresholds on the weighted score, in percent.
var (
	readyThreshold      = decimal.NewFromInt(75)
	developingThreshold = decimal.NewFromInt(50)
)

// CapabilityMaxScore is the top of the 0..5 maturity scale every item is
// scored on (0 absent, 1 initial ... 5 optimised).
const CapabilityMaxScore = 5

// CapabilityItem is one weighted question of a capability checklist.
type CapabilityItem struct {
	// ID identifies the item.
	ID string `json:"id"`
	// Area groups items ("contract_management").
	Area string `json:"area"`
	// Question is what is assessed.
	Question string `json:"question,omitempty"`
	// Weight is the item's relative importance, > 0.
	Weight outsourcing.Decimal `json:"weight"`
	// Score is the assessed maturity, 0..CapabilityMaxScore.
	Score int `json:"score"`
	// Target is the maturity needed, 1..CapabilityMaxScore; 0 means
	// CapabilityMaxScore.
	Target int `json:"target,omitempty"`
	// Critical items below target keep the organisation from "ready".
	Critical bool `json:"critical,omitempty"`
}

// CapabilityGap is an item below its target.
type CapabilityGap struct {
	// ItemID is the item's ID.
	ItemID string `json:"item_id"`
	// Area is the item's area.
	Area string `json:"area"`
	// Score is the assessed maturity.
	Score int `json:"score"`
	// Target is the maturity needed (CapabilityMaxScore when the item's
	// target is 0).
	Target int `json:"target"`
	// Critical repeats the item's flag.
	Critical bool `json:"critical"`
	// Weighted is weight × (target − score), the gap's share of the
	// attainable weighted score, in percent, rounded to 2 places.
	Weighted outsourcing.Decimal `json:"weighted"`
}

// CapabilityAssessment is the result of scoring a checklist.
type CapabilityAssessment struct {
	// Score is Σ weight·min(score, target) / Σ weight·target in percent,
	// rounded half away from zero to 2 places.
	Score outsourcing.Decimal `json:"score"`
	// Level is the readiness level, decided on the exact, unrounded
	// score.
	Level ReadinessLevel `json:"level"`
	// Areas holds the same score per area, in order of first appearance.
	Areas []AreaScore `json:"areas"`
	// Gaps lists the items below target, critical first, then by
	// weighted gap (largest first), then by ID.
	Gaps []CapabilityGap `json:"gaps"`
}

// AreaScore is the weighted score of one area, in percent (2 places).
type AreaScore struct {
	// Area names the area.
	Area string `json:"area"`
	// Score is the area's weighted score in percent.
	Score outsourcing.Decimal `json:"score"`
}

// DefaultCapabilityChecklist returns the capability areas the handbook
// names for managing an outsourced service (§1.2: project, contract and
// supplier-relationship management) and those the later chapters rely on
// (§3.3 performance monitoring, §4.1 transition, §5 risk, §7 exit), with
// equal weights, unscored. Callers fill in the scores.
func DefaultCapabilityChecklist() []CapabilityItem {
	one := outsourcing.DecimalFromInt(1)
	items := []CapabilityItem{
		{ID: "project-management", Area: "project_management", Question: "Can we plan and run the sourcing project and the transition?", Critical: true},
		{ID: "contract-management", Area: "contract_management", Question: "Can we draft, negotiate and administer the contract and its changes?", Critical: true},
		{ID: "supplier-relationship", Area: "supplier_relationship_management", Question: "Can we govern the provider relationship at every level?", Critical: true},
		{ID: "performance-monitoring", Area: "performance_management", Question: "Can we measure SLA attainment and act on it?"},
		{ID: "risk-management", Area: "risk_management", Question: "Can we identify, assess and treat sourcing risks?"},
		{ID: "financial-management", Area: "financial_management", Question: "Can we budget, check invoices and track the business case?"},
		{ID: "exit-management", Area: "exit_management", Question: "Can we take the service back or move it to another provider?"},
	}
	for i := range items {
		items[i].Weight = one
		items[i].Target = 3
	}
	return items
}

// AssessCapability scores a weighted checklist into a readiness level
// with its gaps.
//
// Errors (*FieldError, ErrInvalidInput, joined after the prefix
// "planning: "): no items ("/items"); duplicate or empty IDs
// ("/items/2/id"); weight ≤ 0; score or target outside the scale.
func AssessCapability(items []CapabilityItem) (CapabilityAssessment, error) {
	if err := validateCapability(items); err != nil {
		return CapabilityAssessment{}, wrap(err)
	}
	var res CapabilityAssessment
	got, want := decimal.Zero, decimal.Zero
	areaGot, areaWant := map[string]decimal.Decimal{}, map[string]decimal.Decimal{}
	var areas []string
	criticalGap := false
	for _, it := range items {
		target := it.target()
		weight := it.Weight.Shopspring()
		g := weight.Mul(decimal.NewFromInt(int64(min(it.Score, target))))
		w := weight.Mul(decimal.NewFromInt(int64(target)))
		got, want = got.Add(g), want.Add(w)
		if _, ok := areaWant[it.Area]; !ok {
			areas = append(areas, it.Area)
		}
		areaGot[it.Area] = areaGot[it.Area].Add(g)
		areaWant[it.Area] = areaWant[it.Area].Add(w)
		if it.Score < target {
			criticalGap = criticalGap || it.Critical
			res.Gaps = append(res.Gaps, CapabilityGap{ItemID: it.ID, Area: it.Area, Score: it.Score, Target: target,
				Critical: it.Critical, Weighted: outsourcing.DecimalOf(weight.Mul(decimal.NewFromInt(int64(target - it.Score))))})
		}
	}
	res.Score = percentOf(got, want)
	for _, a := range areas {
		res.Areas = append(res.Areas, AreaScore{Area: a, Score: percentOf(areaGot[a], areaWant[a])})
	}
	for i := range res.Gaps {
		res.Gaps[i].Weighted = percentOf(res.Gaps[i].Weighted.Shopspring(), want)
	}
	slices.SortStableFunc(res.Gaps, func(a, b CapabilityGap) int {
		if a.Critical != b.Critical {
			if a.Critical {
				return -1
			}
			return 1
		}
		if n := b.Weighted.Cmp(a.Weighted); n != 0 {
			return n
		}
		return cmp.Compare(a.ItemID, b.ItemID)
	})
	// The level is decided on the exact score, 100·got against
	// threshold·want, never on the rounded percentage: 74.996 % is not
	// ready although it shows as 75.00.
	below := func(threshold decimal.Decimal) bool { return got.Shift(2).LessThan(threshold.Mul(want)) }
	switch {
	case below(developingThreshold):
		res.Level = ReadinessNotReady
	case below(readyThreshold) || criticalGap:
		res.Level = ReadinessDeveloping
	default:
		res.Level = ReadinessReady
	}
	return res, nil
}

func (it CapabilityItem) target() int {
	if it.Target == 0 {
		return CapabilityMaxScore
	}
	return it.Target
}

func percentOf(part, whole decimal.Decimal) outsourcing.Decimal {
	return outsourcing.DecimalOf(part.Shift(2).DivRound(whole, 2)).Trim()
}

func validateCapability(items []CapabilityItem) error {
	if len(items) == 0 {
		return outsourcing.FieldErrorf("/items", "no checklist items")
	}
	var errs []error
	seen := map[string]bool{}
	for i, it := range items {
		path := jsonptr.Join("items", i)
		if it.ID == "" || seen[it.ID] {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "id"), "id %q is empty or duplicate", text.Truncate(it.ID, maxQuoted)))
		}
		seen[it.ID] = true
		if !it.Weight.IsPositive() {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "weight"), "weight %s must be positive", it.Weight))
		}
		if it.Score < 0 || it.Score > CapabilityMaxScore {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "score"), "score %d is outside 0..%d", it.Score, CapabilityMaxScore))
		}
		if it.Target < 0 || it.Target > CapabilityMaxScore {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(path, "target"), "target %d is outside 1..%d", it.Target, CapabilityMaxScore))
		}
	}
	return errors.Join(errs...)
}
