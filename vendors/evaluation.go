package vendors

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// EvaluationSpec is one evaluation of a short list against a template
// (schema/evaluation.schema.json, Handbook §2.2–§2.3): the vendors, the
// evaluation panel, every score with its evidence, the bids, and how to
// combine them.
type EvaluationSpec struct {
	ID string `json:"id,omitempty"`
	// Vendors are the short-listed vendor ids, in the order results list them.
	Vendors []string `json:"vendors"`
	// Evaluators are the panel.
	Evaluators []Evaluator `json:"evaluators"`
	// Scores are the panel's scores: one per evaluator, vendor and
	// criterion at most (see Template.Criteria for the criterion ids).
	Scores []ScoreEntry `json:"scores"`
	// Bids are the prices, one per vendor, required when the template has
	// a price dimension.
	Bids []BidEntry `json:"bids,omitempty"`
	// Method ranks the vendors: wsm (weighted sum, the default), wpm,
	// topsis, vikor or promethee_ii (see package scoring).
	Method scoring.Method `json:"method,omitempty"`
	// AHP, when set, replaces the template's dimension weights by the
	// priorities of a pairwise comparison of the dimensions.
	AHP *AHPSpec `json:"ahp,omitempty"`
	// Aggregation combines the panel's scores of a criterion: mean (the
	// evaluators' weighted mean, the default) or median.
	Aggregation Aggregation `json:"aggregation,omitempty"`
	// OutlierThreshold is how far from the median of the other evaluators
	// a score must be to be flagged, as a fraction of the scale's range in
	// (0, 1]; nil means DefaultOutlierThreshold. Cells scored by fewer than
	// three evaluators are not checked.
	OutlierThreshold *outsourcing.Decimal `json:"outlier_threshold,omitempty"`
	// ExcludeOutliers leaves flagged scores out of the aggregation. When
	// every score of a cell is flagged (a panel split with no majority,
	// such as 0, 10, 10 on 0–10), none is left out: the cell aggregates
	// all of them, still flagged.
	ExcludeOutliers bool `json:"exclude_outliers,omitempty"`
}

// DefaultOutlierThreshold is the outlier threshold when none is given: a
// score 30 % of the scale's range (3 points on 0–10) from the median of
// the other evaluators is flagged. It is this package's choice.
const DefaultOutlierThreshold = 0.3

// Evaluator is a member of the evaluation panel.
type Evaluator struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Role is the evaluator's function (IT, procurement, security, business).
	Role string `json:"role,omitempty"`
	// Weight is the evaluator's weight in the mean; zero means 1.
	Weight outsourcing.Decimal `json:"weight,omitzero"`
}

// ScoreEntry is one evaluator's score of one vendor on one criterion,
// with the evidence it rests on. Criterion is "dimension/criterion", a
// dimension scored as a whole, or a sub-criterion's own id as the
// template lists it when no other has it (see Template.Criteria).
type ScoreEntry struct {
	Evaluator string              `json:"evaluator"`
	Vendor    string              `json:"vendor"`
	Criterion string              `json:"criterion"`
	Score     outsourcing.Decimal `json:"score"`
	Evidence  string              `json:"evidence,omitempty"`
}

// BidEntry is one vendor's total price.
type BidEntry struct {
	Vendor string            `json:"vendor"`
	Price  outsourcing.Money `json:"price"`
}

// AHPSpec is a pairwise comparison of the template's dimensions: the
// upper triangle row by row (a₁₂, a₁₃, …, a₁ₙ, a₂₃, …), each judgment a
// positive number or fraction ("3", "1/5", "0.5").
type AHPSpec struct {
	Judgments []string `json:"judgments"`
}

// Aggregation says how a panel's scores of one criterion are combined.
type Aggregation string

// Aggregations.
const (
	AggregationMean   Aggregation = "mean"
	AggregationMedian Aggregation = "median"
)

var aggregations = []Aggregation{AggregationMean, AggregationMedian}

// String returns the aggregation's name.
func (a Aggregation) String() string { return string(a) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown aggregations.
func (a Aggregation) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(a, "aggregation", aggregations)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown aggregations.
func (a *Aggregation) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(a, text, "aggregation", aggregations)
}

// ParseEvaluation validates doc against EvaluationSchema and decodes it.
// Problems are *outsourcing.FieldError values with JSON-pointer paths.
func ParseEvaluation(doc []byte) (EvaluationSpec, error) {
	return parse[EvaluationSpec](evaluationSchema, doc)
}

// Evaluation is the outcome of Evaluate: every vendor's scores with the
// panel's evidence, the ranking, the sensitivity of the ranking to the
// weights, outliers and warnings. Scores are dimensionless float64 on the
// template's scale; prices are exact. The panel's scores are aggregated
// in exact rationals, so the gate and outlier decisions are exact (a
// dimension score exactly at its gate passes, a score exactly at the
// outlier threshold is not flagged) and every criterion and dimension
// score, panel median and deviation shown is the float64 nearest to its
// exact value.
type Evaluation struct {
	ID       string `json:"id,omitempty"`
	Template string `json:"template,omitempty"`
	// Panel is the number of evaluators on the panel.
	Panel int `json:"panel"`
	// Method ranked the vendors; Weights are the dimension weights used
	// (fractions summing to 1), from the template or from AHP.
	Method  scoring.Method     `json:"method"`
	Weights []DimensionWeight  `json:"weights"`
	AHP     *scoring.AHPResult `json:"ahp,omitempty"`
	Vendors []VendorEvaluation `json:"vendors"`
	Ranking []RankedVendor     `json:"ranking"`
	Gated   []GatedVendor      `json:"gated,omitempty"`
	// Sensitivity gives, per dimension, the weight interval that keeps the
	// winner and the whole ranking (one-at-a-time, see scoring.WeightStability).
	Sensitivity []scoring.WeightInterval `json:"sensitivity,omitempty"`
	Outliers    []Outlier                `json:"outliers,omitempty"`
	Warnings    []Warning                `json:"warnings,omitempty"`
}

// DimensionWeight is a dimension's weight as a fraction of the total.
type DimensionWeight struct {
	Dimension string  `json:"dimension"`
	Weight    float64 `json:"weight"`
}

// VendorEvaluation is one vendor's scores.
type VendorEvaluation struct {
	Vendor string `json:"vendor"`
	// Dimensions are the dimension scores on the scale (the price
	// dimension from 0 to the scale's maximum), in template order.
	Dimensions []DimensionScore `json:"dimensions"`
	// Criteria are the aggregated criterion scores with the panel's.
	Criteria []CriterionScore `json:"criteria"`
	// Price is the bid's price score, when the template has a price dimension.
	Price *scoring.PriceScore `json:"price,omitempty"`
	// Points is the weighted score out of the template's total: each
	// dimension's position between the scale's bounds (price: its share of
	// the maximum) times its weight. It does not depend on the other vendors'
	// scores, except through the price formula.
	Points float64 `json:"points"`
}

// DimensionScore is a vendor's score on one dimension.
type DimensionScore struct {
	Dimension string  `json:"dimension"`
	Score     float64 `json:"score"`
}

// CriterionScore is the panel's aggregated score of one criterion.
type CriterionScore struct {
	Criterion string           `json:"criterion"`
	Score     float64          `json:"score"`
	Scores    []EvaluatorScore `json:"scores"`
}

// EvaluatorScore is one evaluator's score with its evidence.
type EvaluatorScore struct {
	Evaluator string              `json:"evaluator"`
	Score     outsourcing.Decimal `json:"score"`
	Evidence  string              `json:"evidence,omitempty"`
	Outlier   bool                `json:"outlier,omitempty"`
}

// RankedVendor is a vendor's place in the ranking.
type RankedVendor struct {
	Vendor string `json:"vendor"`
	// Rank is 1 for the best (competition ranking: 1, 2, 2, 4). Under
	// the weighted sum (wsm) with the template's weights, vendors tie
	// when their exact weighted sums are equal, however float64 rounds
	// them; AHP priorities and the other methods are float64 throughout,
	// and tie when scoring.Rank finds their scores equal.
	Rank int `json:"rank"`
	// Score is the method's value (weighted sum of normalised scores,
	// TOPSIS closeness...).
	Score float64 `json:"score"`
	// Points repeats VendorEvaluation.Points.
	Points float64 `json:"points"`
}

// GatedVendor is a vendor left out of the ranking by a dimension's gate.
type GatedVendor struct {
	Vendor    string              `json:"vendor"`
	Dimension string              `json:"dimension"`
	Score     float64             `json:"score"`
	Gate      outsourcing.Decimal `json:"gate"`
}

// Outlier is a score far from the rest of the panel.
type Outlier struct {
	Evaluator string              `json:"evaluator"`
	Vendor    string              `json:"vendor"`
	Criterion string              `json:"criterion"`
	Score     outsourcing.Decimal `json:"score"`
	// PanelMedian is the median of the other evaluators' scores and
	// Deviation the distance from it as a fraction of the scale's range.
	PanelMedian float64 `json:"panel_median"`
	Deviation   float64 `json:"deviation"`
}

// Winner returns the first-ranked vendor ("" when none is ranked).
func (e Evaluation) Winner() string {
	if len(e.Ranking) == 0 {
		return ""
	}
	return e.Ranking[0].Vendor
}

// panel is the validated input of an evaluation, indexed: cell (v, c, e)
// of entry holds the index of the score in spec.Scores, or -1.
type panel struct {
	t          *Template
	spec       EvaluationSpec
	vendors    map[string]int
	evaluators []num // weights
	entry      []int32
	threshold  num
	// scores are spec.Scores' scores as exact numbers, converted once.
	scores []num
}

func (p *panel) cell(v, c, e int) *int32 {
	E, C := len(p.evaluators), len(p.t.criteria)
	return &p.entry[(v*C+c)*E+e]
}

// Evaluate scores the short list of spec against template t and ranks it
// (Handbook §2.2–§2.3): the panel's scores are checked, aggregated per
// criterion (outliers flagged and, on request, left out) and weighted into
// dimension scores; the price dimension is scored from the bids with the
// template's scoring price formula; vendors below a dimension's gate are
// left out of the ranking; the others are ranked by spec.Method with the
// template's weights (or AHP priorities) through package scoring, with
// the weight-sensitivity report.
//
// Bad input is reported in full, joined, as *outsourcing.FieldError values
// at pointers into the evaluation document whose reasons name the vendor:
// "/scores/4/vendor" (an evaluator scoring an unknown vendor, matching
// ErrNotFound), "/scores/4/criterion" (unknown or price criterion),
// "/scores/4/score" (outside the scale), "/scores/4" (duplicate),
// "/vendors/2" (duplicate vendor, or a criterion nobody scored),
// "/bids/1/price" (currency, ErrCurrencyMismatch), "/ahp/judgments".
func Evaluate(t *Template, spec EvaluationSpec) (Evaluation, error) {
	p, err := newPanel(t, spec)
	if err != nil {
		return Evaluation{}, wrap(err)
	}
	ev, err := p.evaluate()
	return ev, wrap(err)
}

// newPanel validates spec against t and indexes the scores.
func newPanel(t *Template, spec EvaluationSpec) (*panel, error) {
	p := &panel{t: t, spec: spec, vendors: make(map[string]int, len(spec.Vendors)), threshold: defaultThreshold()}
	var errs []error
	for i, id := range spec.Vendors {
		if _, dup := p.vendors[id]; dup {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("vendors", i), "duplicate vendor %q", id))
			continue
		}
		p.vendors[id] = i
	}
	evaluators := make(map[string]int, len(spec.Evaluators))
	for i, e := range spec.Evaluators {
		if _, dup := evaluators[e.ID]; dup {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("evaluators", i, "id"), "duplicate evaluator %q", e.ID))
		}
		evaluators[e.ID] = i
		w := intNum(1)
		if !e.Weight.IsZero() {
			w = numOf(e.Weight)
		}
		if w.sign() <= 0 {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("evaluators", i, "weight"), "evaluator %q: weight %s is not positive", e.ID, e.Weight))
		}
		p.evaluators = append(p.evaluators, w)
	}
	if th := spec.OutlierThreshold; th != nil {
		p.threshold = numOf(*th)
		if p.threshold.sign() <= 0 || p.threshold.cmp(intNum(1)) > 0 {
			errs = append(errs, outsourcing.FieldErrorf("/outlier_threshold", "threshold %s is not in (0, 1]", *th))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	p.entry = make([]int32, len(spec.Vendors)*len(t.criteria)*len(spec.Evaluators))
	for i := range p.entry {
		p.entry[i] = -1
	}
	for i, s := range spec.Scores {
		errs = append(errs, p.addScore(i, s, evaluators)...)
	}
	errs = append(errs, p.checkComplete()...)
	errs = append(errs, p.checkBids()...)
	return p, errors.Join(errs...)
}

// addScore checks score i and records it.
func (p *panel) addScore(i int, s ScoreEntry, evaluators map[string]int) []error {
	at := jsonptr.Join("scores", i)
	var errs []error
	e, okE := evaluators[s.Evaluator]
	if !okE {
		errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "evaluator"), "vendor %q: unknown evaluator %q",
			s.Vendor, s.Evaluator))
	}
	v, okV := p.vendors[s.Vendor]
	if !okV {
		errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "vendor"), "evaluator %q scored vendor %q, which is not on the short list",
			s.Evaluator, s.Vendor))
	}
	c, okC, ambiguous := p.t.criterion(s.Criterion)
	if !okC {
		why := "unknown criterion"
		switch {
		case ambiguous:
			why = "write dimension/criterion: several dimensions of the template have a criterion"
		case p.t.price >= 0 && s.Criterion == p.t.spec.Dimensions[p.t.price].ID:
			why = "the price dimension is scored from the bids, not by evaluators:"
		}
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "criterion"), "vendor %q: %s %q", s.Vendor, why, s.Criterion))
	}
	if s.Score.LessThan(p.t.spec.Scale.Min) || s.Score.GreaterThan(p.t.spec.Scale.Max) {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "score"), "vendor %q, criterion %q: score %s is outside the scale %s to %s",
			s.Vendor, s.Criterion, s.Score, p.t.spec.Scale.Min, p.t.spec.Scale.Max))
	}
	if len(errs) > 0 {
		return errs
	}
	slot := p.cell(v, c, e)
	if *slot >= 0 {
		return []error{outsourcing.FieldErrorf(at, "vendor %q, criterion %q: evaluator %q already scored it at /scores/%d",
			s.Vendor, s.Criterion, s.Evaluator, *slot)}
	}
	*slot = int32(i)
	return nil
}

// checkComplete reports every vendor and criterion nobody scored.
func (p *panel) checkComplete() []error {
	var errs []error
	for v, id := range p.spec.Vendors {
		var missing []string
		for c, crit := range p.t.criteria {
			if !slices.ContainsFunc(p.entries(v, c), func(x int32) bool { return x >= 0 }) {
				missing = append(missing, crit.id)
			}
		}
		if len(missing) > 0 {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("vendors", v), "vendor %q has no score for %s", id, strings.Join(missing, ", ")))
		}
	}
	return errs
}

func (p *panel) entries(v, c int) []int32 {
	E := len(p.evaluators)
	start := (v*len(p.t.criteria) + c) * E
	return p.entry[start : start+E]
}

// checkBids reports bids for unknown or duplicate vendors, in another
// currency or not positive, and vendors without a bid.
func (p *panel) checkBids() []error {
	if p.t.price < 0 {
		if len(p.spec.Bids) > 0 {
			return []error{outsourcing.FieldErrorf("/bids", "the template has no price dimension")}
		}
		return nil
	}
	var errs []error
	seen := make([]bool, len(p.spec.Vendors))
	for i, b := range p.spec.Bids {
		at := jsonptr.Join("bids", i)
		v, ok := p.vendors[b.Vendor]
		switch {
		case !ok:
			errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "vendor"), "bid from vendor %q, which is not on the short list",
				b.Vendor))
		case seen[v]:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "vendor"), "vendor %q: a second bid", b.Vendor))
		case b.Price.Currency() != p.spec.Bids[0].Price.Currency():
			errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrCurrencyMismatch, jsonptr.Append(at, "price"), "vendor %q: bid in %s, the first bid is in %s",
				b.Vendor, b.Price.Currency(), p.spec.Bids[0].Price.Currency()))
		case !b.Price.IsPositive():
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "price"), "vendor %q: bid %s is not positive", b.Vendor, b.Price))
		}
		if ok {
			seen[v] = true
		}
	}
	for v, id := range p.spec.Vendors {
		if !seen[v] {
			errs = append(errs, outsourcing.FieldErrorf("/bids", "vendor %q has no bid", id))
		}
	}
	return errs
}

// evaluate computes the evaluation of a validated panel.
func (p *panel) evaluate() (Evaluation, error) {
	t, spec := p.t, p.spec
	ev := Evaluation{ID: spec.ID, Template: t.spec.ID, Panel: len(spec.Evaluators), Method: spec.Method, Warnings: t.Warnings()}
	if ev.Method == "" {
		ev.Method = scoring.MethodWSM
	}
	weights, err := p.weights(&ev)
	if err != nil {
		return Evaluation{}, err
	}
	D := len(t.spec.Dimensions)
	p.scores = make([]num, len(spec.Scores))
	for i, s := range spec.Scores {
		p.scores[i] = numOf(s.Score)
	}
	exact := make([]num, len(spec.Vendors)*D) // Σ criterion weight × score, then over the dimension's weight
	ev.Vendors = make([]VendorEvaluation, len(spec.Vendors))
	var scratch cellScratch
	for v, id := range spec.Vendors {
		ve := VendorEvaluation{Vendor: id, Criteria: make([]CriterionScore, len(t.criteria))}
		for c, crit := range t.criteria {
			cs, score := p.aggregate(v, c, &ev, &scratch)
			ve.Criteria[c] = cs
			sum := &exact[v*D+crit.dimension]
			*sum = sum.add(score.mul(crit.weight))
		}
		ev.Vendors[v] = ve
	}
	dims := make([]float64, len(exact))
	for i := range exact {
		exact[i] = exact[i].quo(t.weight[i%D])
		dims[i] = exact[i].float()
	}
	if len(ev.Outliers) > 0 {
		ev.Warnings = append(ev.Warnings, Warning{Code: WarningOutliers, Path: "/scores", Message: fmt.Sprintf("scores far from the rest of the panel: %d", len(ev.Outliers))})
	}
	var ranked []int
	for v := range spec.Vendors {
		if g := p.gate(v, exact[v*D:(v+1)*D]); g != nil {
			ev.Gated = append(ev.Gated, *g)
			continue
		}
		ranked = append(ranked, v)
	}
	if err := p.scorePrices(&ev, ranked, dims); err != nil {
		return Evaluation{}, err
	}
	for v := range spec.Vendors {
		ve := &ev.Vendors[v]
		ve.Dimensions = make([]DimensionScore, D)
		for d, dim := range t.spec.Dimensions {
			ve.Dimensions[d] = DimensionScore{Dimension: dim.ID, Score: dims[v*D+d]}
		}
		ve.Points = p.points(dims[v*D:(v+1)*D], weights, -1)
	}
	if err := p.rank(&ev, ranked, dims, exact, weights); err != nil {
		return Evaluation{}, err
	}
	p.checkPriceDecided(&ev, ranked, dims, weights)
	return ev, nil
}

// weights returns the dimension weights: the template's, or AHP's.
func (p *panel) weights(ev *Evaluation) ([]float64, error) {
	w := slices.Clone(p.t.weights)
	if a := p.spec.AHP; a != nil {
		n := len(w)
		if len(a.Judgments) != n*(n-1)/2 {
			return nil, outsourcing.FieldErrorf("/ahp/judgments", "%d judgments for %d dimensions, want %d", len(a.Judgments), n, n*(n-1)/2)
		}
		upper := make([]float64, len(a.Judgments))
		for i, s := range a.Judgments {
			f, ok := parseJudgment(s)
			if !ok {
				return nil, outsourcing.FieldErrorf(jsonptr.Join("ahp", "judgments", i), "judgment %q is not a positive number or fraction", s)
			}
			upper[i] = f
		}
		pw, err := scoring.NewPairwiseUpper(n, upper)
		if err != nil {
			return nil, &outsourcing.FieldError{Path: "/ahp/judgments", Reason: err.Error(), Cause: err}
		}
		res, err := scoring.AHP(pw, scoring.AHPOptions{})
		if err != nil {
			return nil, &outsourcing.FieldError{Path: "/ahp/judgments", Reason: err.Error(), Cause: err}
		}
		ev.AHP, w = &res, res.Priorities
		if !res.Consistent {
			ev.Warnings = append(ev.Warnings, Warning{Code: WarningInconsistentAHP, Path: "/ahp/judgments", Message: fmt.Sprintf("consistency ratio %.3f is above %.2f: revisit the judgments", res.CR, 0.10)})
		}
	}
	for d, dim := range p.t.spec.Dimensions {
		ev.Weights = append(ev.Weights, DimensionWeight{Dimension: dim.ID, Weight: w[d]})
	}
	return w, nil
}

// parseJudgment reads "3", "0.5" or "1/5".
func parseJudgment(s string) (float64, bool) {
	num, den, frac := strings.Cut(s, "/")
	a, err := strconv.ParseFloat(num, 64)
	if err != nil || !(a > 0) || math.IsInf(a, 0) {
		return 0, false
	}
	if !frac {
		return a, true
	}
	b, err := strconv.ParseFloat(den, 64)
	if err != nil || !(b > 0) || math.IsInf(b, 0) {
		return 0, false
	}
	return a / b, true
}

// cellScratch is the scratch space aggregate reuses from one cell to the
// next, so that aggregating allocates only the results.
type cellScratch struct {
	vals, ws, kept, kw, others []num
}

// aggregate combines the panel's scores of vendor v on criterion c,
// flagging outliers. It computes exactly (see num), so a score exactly at
// the outlier threshold is not flagged and a mean exactly at a gate
// passes it; it returns the exact score beside the float64 shown, which
// is the float64 nearest to it, as are the outliers' panel median and
// deviation.
func (p *panel) aggregate(v, c int, ev *Evaluation, s *cellScratch) (CriterionScore, num) {
	cs := CriterionScore{Criterion: p.t.criteria[c].id, Scores: make([]EvaluatorScore, 0, len(p.evaluators))}
	s.vals, s.ws = s.vals[:0], s.ws[:0]
	for e, idx := range p.entries(v, c) {
		if idx < 0 {
			continue
		}
		sc := p.spec.Scores[idx]
		cs.Scores = append(cs.Scores, EvaluatorScore{Evaluator: sc.Evaluator, Score: sc.Score, Evidence: sc.Evidence})
		s.vals, s.ws = append(s.vals, p.scores[idx]), append(s.ws, p.evaluators[e])
	}
	s.kept, s.kw = s.kept[:0], s.kw[:0]
	for i, x := range s.vals {
		if len(s.vals) >= 3 {
			s.others = append(append(s.others[:0], s.vals[:i]...), s.vals[i+1:]...)
			med := median(s.others)
			// Flagged when |x − med| / range > threshold.
			if dev := x.sub(med).abs().quo(p.t.scale); dev.cmp(p.threshold) > 0 {
				cs.Scores[i].Outlier = true
				ev.Outliers = append(ev.Outliers, Outlier{Evaluator: cs.Scores[i].Evaluator, Vendor: p.spec.Vendors[v], Criterion: cs.Criterion, Score: cs.Scores[i].Score, PanelMedian: med.float(), Deviation: dev.float()})
				if p.spec.ExcludeOutliers {
					continue
				}
			}
		}
		s.kept, s.kw = append(s.kept, x), append(s.kw, s.ws[i])
	}
	if len(s.kept) == 0 { // every score flagged: a split panel, nothing to exclude against
		s.kept, s.kw = append(s.kept, s.vals...), append(s.kw, s.ws...)
	}
	var score num
	if p.spec.Aggregation == AggregationMedian {
		score = median(s.kept)
	} else {
		var wsum num
		for i, x := range s.kept {
			score = score.add(s.kw[i].mul(x))
			wsum = wsum.add(s.kw[i])
		}
		score = score.quo(wsum)
	}
	cs.Score = score.float()
	return cs, score
}

// defaultThreshold is DefaultOutlierThreshold as the decimal it is
// written in (3/10, not the float64 nearest to it).
func defaultThreshold() num {
	return numOf(outsourcing.MustDecimal(strconv.FormatFloat(DefaultOutlierThreshold, 'f', -1, 64)))
}

// median returns the median of xs (the mean of the middle two for an
// even count); it sorts xs.
func median(xs []num) num {
	slices.SortFunc(xs, num.cmp)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return xs[n/2-1].add(xs[n/2]).quo(intNum(2))
}

// scorePrices fills the price dimension of the vendors at indices ranked
// from their bids: a gated vendor's bid takes no part (relative formulas
// depend on the lowest bid) and it keeps no price score.
func (p *panel) scorePrices(ev *Evaluation, ranked []int, dims []float64) error {
	if p.t.price < 0 || len(ranked) == 0 {
		return nil
	}
	byVendor := make([]outsourcing.Money, len(p.spec.Vendors))
	for _, b := range p.spec.Bids {
		byVendor[p.vendors[b.Vendor]] = b.Price
	}
	bids := make([]scoring.Bid, len(ranked))
	for i, v := range ranked {
		bids[i] = scoring.Bid{ID: p.spec.Vendors[v], Price: byVendor[v]}
	}
	rule := *p.t.spec.Dimensions[p.t.price].Price
	rule.MaxScore = p.t.spec.Scale.Max
	scores, err := scoring.ScorePrices(bids, rule)
	if err != nil {
		return &outsourcing.FieldError{Path: "/bids", Reason: err.Error(), Cause: err, Err: errSentinel(err)}
	}
	D := len(p.t.spec.Dimensions)
	for i, v := range ranked {
		s := scores[i]
		ev.Vendors[v].Price = &s
		dims[v*D+p.t.price] = s.Score.Float64()
		if s.AbnormallyLow {
			ev.Warnings = append(ev.Warnings, Warning{Code: WarningAbnormallyLow, Path: "/bids", Message: fmt.Sprintf("vendor %q: %s", s.ID, s.Reason)})
		}
	}
	return nil
}

// errSentinel keeps a currency mismatch reported by scoring as one.
func errSentinel(err error) error {
	if errors.Is(err, outsourcing.ErrCurrencyMismatch) {
		return outsourcing.ErrCurrencyMismatch
	}
	return nil
}

// points is the weighted score out of the template's total, leaving out
// dimension skip (-1: none).
func (p *panel) points(dims, w []float64, skip int) float64 {
	var sum float64
	for d, x := range dims {
		if d == skip {
			continue
		}
		frac := (x - p.t.min) / (p.t.max - p.t.min)
		if d == p.t.price {
			frac = x / p.t.max
		}
		sum += w[d] * frac
	}
	return sum * p.t.spec.Total.Float64()
}

// gate returns the first gate vendor v fails, or nil. The dimension
// scores are exact, so a vendor exactly at a gate passes it.
func (p *panel) gate(v int, dims []num) *GatedVendor {
	for d, dim := range p.t.spec.Dimensions {
		if dim.Gate != nil && dims[d].cmp(p.t.gate[d]) < 0 {
			return &GatedVendor{Vendor: p.spec.Vendors[v], Dimension: dim.ID, Score: dims[d].float(), Gate: *dim.Gate}
		}
	}
	return nil
}

// rank ranks the vendors at indices ranked through package scoring and
// computes the weight sensitivity. A weighted sum with the template's
// weights is ranked on exact numbers (exactTies); exact holds the exact
// dimension scores.
func (p *panel) rank(ev *Evaluation, ranked []int, dims []float64, exact []num, w []float64) error {
	if len(ranked) == 0 {
		return nil
	}
	D := len(p.t.spec.Dimensions)
	ids := make([]string, len(ranked))
	data := make([]float64, 0, len(ranked)*D)
	for i, v := range ranked {
		ids[i] = p.spec.Vendors[v]
		data = append(data, dims[v*D:(v+1)*D]...)
	}
	criteria := make([]scoring.Criterion, D)
	for d, dim := range p.t.spec.Dimensions {
		criteria[d] = scoring.Criterion{ID: dim.ID, Type: scoring.CriterionTypeBenefit}
	}
	if len(ranked) == 1 {
		ev.Ranking = []RankedVendor{{Vendor: ids[0], Rank: 1, Score: 1, Points: ev.Vendors[ranked[0]].Points}}
		return nil
	}
	m, err := scoring.NewMatrixFlat(ids, criteria, data)
	if err != nil {
		return err
	}
	cfg := scoring.Config{Method: ev.Method}
	s, err := scoring.Score(m, w, cfg)
	if err != nil {
		return &outsourcing.FieldError{Path: "/method", Reason: err.Error(), Cause: err}
	}
	order, err := scoring.Rank(s, scoring.RankOptions{})
	if err != nil {
		return err
	}
	if ev.Method == scoring.MethodWSM && p.spec.AHP == nil {
		p.exactTies(ev, order, ranked, exact)
	}
	for _, r := range order {
		ev.Ranking = append(ev.Ranking, RankedVendor{Vendor: r.Alternative, Rank: r.Rank, Score: r.Score, Points: ev.Vendors[ranked[r.Index]].Points})
	}
	ev.Sensitivity, err = scoring.WeightStability(m, w, cfg, scoring.SensitivityOptions{})
	return err
}

// checkPriceDecided warns when the winner is the cheapest ranked bid and
// another vendor leads on the other dimensions.
func (p *panel) checkPriceDecided(ev *Evaluation, ranked []int, dims, w []float64) {
	if p.t.price < 0 || len(ranked) < 2 {
		return
	}
	D := len(p.t.spec.Dimensions)
	winner := ev.Winner()
	bestQuality, cheapest := ranked[0], ranked[0]
	for _, v := range ranked[1:] {
		if p.points(dims[v*D:(v+1)*D], w, p.t.price) > p.points(dims[bestQuality*D:(bestQuality+1)*D], w, p.t.price) {
			bestQuality = v
		}
		if ev.Vendors[v].Price.Price.Amount().LessThan(ev.Vendors[cheapest].Price.Price.Amount()) {
			cheapest = v
		}
	}
	if p.spec.Vendors[cheapest] == winner && p.spec.Vendors[bestQuality] != winner {
		ev.Warnings = append(ev.Warnings, Warning{Code: WarningPriceDecided, Message: fmt.Sprintf("the winner %q has the lowest bid; on the other dimensions %q leads (Handbook §2.2 item 5)", winner, p.spec.Vendors[bestQuality])})
	}
}
