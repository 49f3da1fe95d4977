package vendors

import (
	_ "embed"
	"errors"
	"slices"
	"sync"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// TemplateSpec is an evaluation template (schema/template.schema.json):
// the dimensions a short list is evaluated on (Handbook §2.2), each with
// a weight and either sub-criteria scored by evaluators or a price rule
// scored from the bids. Dimension weights sum to Total; the sub-criteria
// weights of a dimension sum to the dimension's weight.
type TemplateSpec struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Scale is the scale evaluators score on (for example 0 to 10); price
	// scores run from 0 to Scale.Max.
	Scale Scale `json:"scale"`
	// Total is the sum of the dimension weights (for example 100).
	Total outsourcing.Decimal `json:"total"`
	// Dimensions in the order results list them.
	Dimensions []DimensionSpec `json:"dimensions"`
}

// Scale is the closed interval evaluators score on.
type Scale struct {
	Min outsourcing.Decimal `json:"min"`
	Max outsourcing.Decimal `json:"max"`
}

// DimensionSpec is one evaluation dimension.
type DimensionSpec struct {
	ID          string              `json:"id"`
	Name        string              `json:"name,omitempty"`
	Description string              `json:"description,omitempty"`
	Weight      outsourcing.Decimal `json:"weight"`
	// Gate, when set, is the lowest aggregated score on the scale a vendor
	// needs in this dimension to be ranked at all (for example security
	// and compliance as a pass/fail gate). The panel's scores are
	// aggregated exactly for the gate, so a score exactly at it passes.
	Gate *outsourcing.Decimal `json:"gate,omitempty"`
	// Price, when set, makes this the price dimension: scored from the
	// bids with the scoring price formula, MaxScore being Scale.Max (leave
	// MaxScore unset). A price dimension has no criteria.
	Price *scoring.PriceRule `json:"price,omitempty"`
	// Criteria are the sub-criteria evaluators score; a rated dimension
	// without criteria is scored as a whole.
	Criteria []CriterionSpec `json:"criteria,omitempty"`
}

// CriterionSpec is a sub-criterion of a dimension.
type CriterionSpec struct {
	ID       string              `json:"id"`
	Name     string              `json:"name,omitempty"`
	Guidance string              `json:"guidance,omitempty"`
	Weight   outsourcing.Decimal `json:"weight"`
}

// Template is a compiled evaluation template: immutable and safe for
// concurrent use.
type Template struct {
	spec     TemplateSpec
	min, max float64
	// weights are the dimension weights as fractions of Total.
	weights []float64
	// criteria lists what evaluators score: "dimension/criterion", or the
	// dimension id for a rated dimension without criteria.
	criteria []templateCriterion
	byID     map[string]int
	// bare maps a sub-criterion's own id to its index, or to -1 when
	// several sub-criteria have it; byID is looked up first.
	bare     map[string]int
	price    int // index of the price dimension, -1 if none
	warnings []Warning
	// weight, gate and scale are the dimension weights, the gates (0
	// where a dimension has none) and Scale.Max − Scale.Min as exact
	// numbers, converted once for every evaluation.
	weight, gate []num
	scale        num
}

// templateCriterion is one scored criterion: its dimension and its
// weight in it (the dimension's own weight when it has no criteria), so
// that the dimension's score is Σ weight × score / the dimension's weight.
type templateCriterion struct {
	id        string
	dimension int
	weight    num
}

// ParseTemplate validates doc against TemplateSchema and decodes it.
// Problems are *outsourcing.FieldError values with JSON-pointer paths.
func ParseTemplate(doc []byte) (TemplateSpec, error) {
	return parse[TemplateSpec](templateSchema, doc)
}

// CompileTemplate checks spec and builds the template: Scale.Min at zero
// or above and below Scale.Max, positive weights, dimension weights summing to Total and each
// dimension's sub-criteria weights to its weight, unique ids, at most one
// price dimension (without criteria or gate), gates inside the scale.
// Problems are *outsourcing.FieldError values at the field's pointer
// ("/dimensions/2/criteria"), joined. A configuration where price alone
// can decide is compiled but reported by Warnings.
func CompileTemplate(spec TemplateSpec) (*Template, error) {
	t := &Template{spec: cloneTemplateSpec(spec), price: -1, byID: map[string]int{}, bare: map[string]int{}}
	t.min, t.max = spec.Scale.Min.Float64(), spec.Scale.Max.Float64()
	var errs []error
	if spec.Scale.Min.IsNegative() {
		errs = append(errs, outsourcing.FieldErrorf("/scale/min", "scale minimum %s is below zero: scores are points from zero up (shift a -2 to 2 scale to 0 to 4)",
			spec.Scale.Min))
	}
	if !spec.Scale.Min.LessThan(spec.Scale.Max) {
		errs = append(errs, outsourcing.FieldErrorf("/scale/max", "scale maximum %s is not above the minimum %s", spec.Scale.Max, spec.Scale.Min))
	}
	if !spec.Total.IsPositive() {
		errs = append(errs, outsourcing.FieldErrorf("/total", "total %s is not positive", spec.Total))
	}
	sum := outsourcing.Decimal{}
	seen := map[string]bool{}
	for i, d := range spec.Dimensions {
		at := jsonptr.Join("dimensions", i)
		sum = sum.Add(d.Weight)
		if seen[d.ID] {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "id"), "duplicate dimension %q", d.ID))
		}
		seen[d.ID] = true
		if !d.Weight.IsPositive() {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "weight"), "dimension %q: weight %s is not positive", d.ID, d.Weight))
		}
		errs = append(errs, t.addDimension(at, i, d)...)
	}
	if spec.Total.IsPositive() && !sum.Equal(spec.Total) {
		errs = append(errs, outsourcing.FieldErrorf("/dimensions", "dimension weights sum to %s, the template's total is %s", sum, spec.Total))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, wrap(err)
	}
	total := spec.Total.Float64()
	t.scale = numOf(spec.Scale.Max.Sub(spec.Scale.Min))
	t.weight, t.gate = make([]num, len(spec.Dimensions)), make([]num, len(spec.Dimensions))
	for i, d := range spec.Dimensions {
		t.weights = append(t.weights, d.Weight.Float64()/total)
		t.weight[i] = numOf(d.Weight)
		if d.Gate != nil {
			t.gate[i] = numOf(*d.Gate)
		}
	}
	if t.price >= 0 && t.weights[t.price] >= 0.5 {
		t.warnings = append(t.warnings, Warning{Code: WarningPriceAloneDecides, Path: jsonptr.Join("dimensions", t.price, "weight"),
			Message: "price weighs " + spec.Dimensions[t.price].Weight.String() + " of " + spec.Total.String() + ": the cheapest bid can win whatever its quality (Handbook §2.2 item 5)"})
	}
	return t, nil
}

// addDimension checks dimension d at pointer at and records its criteria.
func (t *Template) addDimension(at string, i int, d DimensionSpec) []error {
	var errs []error
	if d.Gate != nil && (d.Gate.LessThan(t.spec.Scale.Min) || d.Gate.GreaterThan(t.spec.Scale.Max)) {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "gate"), "dimension %q: gate %s is outside the scale", d.ID, *d.Gate))
	}
	if d.Price != nil {
		switch {
		case t.price >= 0:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "price"), "dimension %q: a second price dimension (the first is %q)",
				d.ID, t.spec.Dimensions[t.price].ID))
		case len(d.Criteria) > 0:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "criteria"), "dimension %q: a price dimension has no criteria", d.ID))
		case d.Gate != nil:
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "gate"), "dimension %q: a price dimension has no gate", d.ID))
		}
		t.price = i
		return errs
	}
	if len(d.Criteria) == 0 {
		t.addCriterion(d.ID, i, d.Weight)
		return errs
	}
	sum := outsourcing.Decimal{}
	for j, c := range d.Criteria {
		sum = sum.Add(c.Weight)
		id := d.ID + "/" + c.ID
		if _, dup := t.byID[id]; dup {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "criteria", j, "id"), "duplicate criterion %q", id))
			continue
		}
		if !c.Weight.IsPositive() {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "criteria", j, "weight"), "criterion %q: weight %s is not positive", id, c.Weight))
			continue
		}
		if _, twice := t.bare[c.ID]; twice {
			t.bare[c.ID] = -1
		} else {
			t.bare[c.ID] = len(t.criteria)
		}
		t.addCriterion(id, i, c.Weight)
	}
	if !sum.Equal(d.Weight) {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "criteria"), "dimension %q: criteria weights sum to %s, the dimension's weight is %s",
			d.ID, sum, d.Weight))
	}
	return errs
}

func (t *Template) addCriterion(id string, dim int, weight outsourcing.Decimal) {
	t.byID[id] = len(t.criteria)
	t.criteria = append(t.criteria, templateCriterion{id: id, dimension: dim, weight: numOf(weight)})
}

// cloneTemplateSpec copies every slice and pointer of s.
func cloneTemplateSpec(s TemplateSpec) TemplateSpec {
	s.Dimensions = slices.Clone(s.Dimensions)
	for i, d := range s.Dimensions {
		d.Criteria = slices.Clone(d.Criteria)
		if d.Gate != nil {
			g := *d.Gate
			d.Gate = &g
		}
		if d.Price != nil {
			p := *d.Price
			if p.AbnormallyLow != nil {
				a := *p.AbnormallyLow
				p.AbnormallyLow = &a
			}
			d.Price = &p
		}
		s.Dimensions[i] = d
	}
	return s
}

// Spec returns a copy of the template's specification.
func (t *Template) Spec() TemplateSpec { return cloneTemplateSpec(t.spec) }

// Criteria returns the ids evaluators score, in template order:
// "dimension/criterion", or the dimension id for a rated dimension
// without sub-criteria. Scores may also name a sub-criterion by its own
// id, as the template lists it ("certifications"), when no other
// sub-criterion has that id and no dimension scored as a whole does (that
// id names the dimension); results use the ids returned here.
func (t *Template) Criteria() []string {
	out := make([]string, len(t.criteria))
	for i, c := range t.criteria {
		out[i] = c.id
	}
	return out
}

// Dimensions returns the dimension ids in template order.
func (t *Template) Dimensions() []string {
	out := make([]string, len(t.spec.Dimensions))
	for i, d := range t.spec.Dimensions {
		out[i] = d.ID
	}
	return out
}

// Warnings returns what the template's configuration puts at risk: a
// price weight of half the total or more, with which price alone can
// decide the award (Handbook §2.2 item 5: avoid choosing on lowest price
// alone).
func (t *Template) Warnings() []Warning { return slices.Clone(t.warnings) }

//go:embed defaults/evaluation-template.json
var defaultTemplateJSON []byte

// DefaultTemplateJSON returns a copy of the shipped default template: the
// handbook's seven dimensions (qualification and reputation 15, technical
// capability 20, service capability and experience 15, service quality and
// SLA commitments 15, cost and quotation 20 scored with the proportional
// price formula, information security and compliance 10, culture and
// collaboration 5, out of 100) with their sub-criteria, scored 0 to 10.
// Edit it and compile it with ParseTemplate and CompileTemplate.
func DefaultTemplateJSON() []byte { return slices.Clone(defaultTemplateJSON) }

var defaultTemplate = sync.OnceValue(func() *Template {
	spec, err := ParseTemplate(defaultTemplateJSON)
	if err != nil {
		panic("vendors: the default template does not parse: " + err.Error())
	}
	t, err := CompileTemplate(spec)
	if err != nil {
		panic("vendors: the default template does not compile: " + err.Error())
	}
	return t
})

// DefaultTemplate returns the compiled default template (see
// DefaultTemplateJSON); templates are immutable, so every caller shares it.
func DefaultTemplate() *Template { return defaultTemplate() }

// criterion returns the index of the criterion a score names: its
// "dimension/criterion" id, a dimension scored as a whole, or a
// sub-criterion's own id when no other sub-criterion has it. ok is false
// for an id that names nothing; ambiguous reports an own id several
// sub-criteria share.
func (t *Template) criterion(id string) (i int, ok, ambiguous bool) {
	if i, ok := t.byID[id]; ok {
		return i, true, false
	}
	i, ok = t.bare[id]
	return i, ok && i >= 0, ok && i < 0
}
