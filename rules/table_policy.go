package rules

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// HitPolicy says which matching rows of a decision table give its result
// (DMN 1.3, §8.2.11).
type HitPolicy string

// Hit policies.
const (
	// HitPolicyUnique: at most one row may match; two or more is an error.
	HitPolicyUnique HitPolicy = "UNIQUE"
	// HitPolicyAny: rows may overlap only if they give the same outputs.
	HitPolicyAny HitPolicy = "ANY"
	// HitPolicyFirst: the first matching row in table order.
	HitPolicyFirst HitPolicy = "FIRST"
	// HitPolicyPriority: the matching row whose outputs come first in the
	// outputs' value lists (first output first).
	HitPolicyPriority HitPolicy = "PRIORITY"
	// HitPolicyRuleOrder: every matching row, in table order.
	HitPolicyRuleOrder HitPolicy = "RULE ORDER"
	// HitPolicyCollect: every matching row (in table order), optionally
	// aggregated.
	HitPolicyCollect HitPolicy = "COLLECT"
	// HitPolicyOutputOrder: every matching row, in decreasing priority of
	// their outputs (as PRIORITY ranks them; rows of equal priority in
	// table order).
	HitPolicyOutputOrder HitPolicy = "OUTPUT ORDER"
)

var hitPolicies = []HitPolicy{HitPolicyUnique, HitPolicyAny, HitPolicyFirst, HitPolicyPriority, HitPolicyRuleOrder, HitPolicyCollect, HitPolicyOutputOrder}

// String returns the policy's DMN name.
func (p HitPolicy) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler.
func (p HitPolicy) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(p, "hit policy", hitPolicies)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown policies.
func (p *HitPolicy) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(p, text, "hit policy", hitPolicies)
}

// singleHit reports whether the policy yields at most one row.
func (p HitPolicy) singleHit() bool {
	return p == HitPolicyUnique || p == HitPolicyAny || p == HitPolicyFirst || p == HitPolicyPriority
}

// byPriority reports whether the policy ranks rows by their outputs.
func (p HitPolicy) byPriority() bool {
	return p == HitPolicyPriority || p == HitPolicyOutputOrder
}

// apply selects the resulting rows from the matching ones (row indexes).
func (p HitPolicy) apply(t *tableData, matched []int) ([]int, error) {
	if len(matched) == 0 {
		return nil, nil
	}
	switch p {
	case HitPolicyUnique:
		if len(matched) > 1 {
			return nil, &HitPolicyError{Table: t.spec.ID, Policy: p, Rows: pick(t.rowIDs, matched)}
		}
	case HitPolicyAny:
		first := t.outputs[matched[0]]
		for _, r := range matched[1:] {
			if !slices.EqualFunc(first, t.outputs[r], outputEqual) {
				return nil, &HitPolicyError{Table: t.spec.ID, Policy: p, Rows: pick(t.rowIDs, matched)}
			}
		}
		return matched[:1], nil
	case HitPolicyFirst:
		return matched[:1], nil
	case HitPolicyPriority:
		return []int{slices.MinFunc(matched, t.byRank)}, nil
	case HitPolicyOutputOrder:
		sorted := slices.Clone(matched)
		slices.SortStableFunc(sorted, t.byRank)
		return sorted, nil
	}
	return matched, nil
}

// byRank orders rows by the places of their outputs in the outputs'
// value lists, first output first (ranked once by CompileTable).
func (t *tableData) byRank(a, b int) int {
	return slices.Compare(t.ranks[a], t.ranks[b])
}

func pick(ids []string, rows []int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = ids[r]
	}
	return out
}

// Aggregation reduces the single output of a COLLECT table's matching
// rows to one number.
type Aggregation string

// Aggregations.
const (
	// AggregationSum adds the outputs exactly.
	AggregationSum Aggregation = "SUM"
	// AggregationCount counts the matching rows.
	AggregationCount Aggregation = "COUNT"
	// AggregationMin takes the smallest output.
	AggregationMin Aggregation = "MIN"
	// AggregationMax takes the largest output.
	AggregationMax Aggregation = "MAX"
)

var aggregations = []Aggregation{AggregationSum, AggregationCount, AggregationMin, AggregationMax}

// String returns the aggregation's DMN name.
func (a Aggregation) String() string { return string(a) }

// MarshalText implements encoding.TextMarshaler.
func (a Aggregation) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(a, "aggregation", aggregations)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown aggregations.
func (a *Aggregation) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(a, text, "aggregation", aggregations)
}

// apply aggregates output 0 of the rows; ok is false for MIN or MAX of
// nothing. Outputs were validated as numbers at compile time.
func (a Aggregation) apply(t *tableData, rows []int) (outsourcing.Decimal, bool) {
	if a == AggregationCount {
		return outsourcing.DecimalFromInt(int64(len(rows))), true
	}
	var total outsourcing.Decimal
	for i, r := range rows {
		v, _ := toDecimal(t.outputs[r][0])
		switch {
		case a == AggregationSum:
			total = total.Add(v)
		case i == 0, a == AggregationMin && v.LessThan(total), a == AggregationMax && v.GreaterThan(total):
			total = v
		}
	}
	return total, a == AggregationSum || len(rows) > 0
}
