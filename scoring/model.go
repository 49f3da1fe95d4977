package scoring

import (
	_ "embed"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

//go:embed schema/model.schema.json
var modelSchemaSource []byte

var modelSchema = outsourcing.MustRegisterSchema(modelSchemaSource)

// ModelSchema returns the JSON Schema of a scoring model document
// (schema/model.schema.json); its $id is
// https://outsourcing-go.github.io/schemas/scoring/model.schema.json.
func ModelSchema() *outsourcing.Schema { return modelSchema }

// ModelSpec is a scoring model document: everything needed to evaluate and
// rank alternatives, in the JSON form of schema/model.schema.json.
// ParseModel decodes one; CompileModel turns it into a Model.
type ModelSpec struct {
	// Criteria are the columns of the decision matrix.
	Criteria []Criterion `json:"criteria"`
	// Alternatives are the rows, with their values by criterion id.
	Alternatives []Alternative `json:"alternatives"`
	// Weights says how the criterion weights are obtained.
	Weights WeightSpec `json:"weights"`
	// Method is the aggregation method and its settings.
	Method Config `json:"method"`
	// Knockouts are mandatory criteria screened before scoring.
	Knockouts []KnockoutRule `json:"knockouts,omitempty"`
	// Ranking numbers the scored alternatives.
	Ranking RankOptions `json:"ranking,omitzero"`
}

// Alternative is one row of a model: its value per criterion id and
// boolean facts for knock-out rules.
type Alternative struct {
	// ID names the alternative; unique, non-empty.
	ID string `json:"id"`
	// Values holds one value per criterion id, no more, no fewer.
	Values map[string]float64 `json:"values"`
	// Facts are boolean facts for the knock-out rules.
	Facts map[string]bool `json:"facts,omitempty"`
}

// KnockoutRule is a mandatory criterion: a boolean expression over
// KnockoutEnv (for example `values.years >= 3 && facts.iso27001`).
type KnockoutRule struct {
	// ID names the rule in exclusions.
	ID string `json:"id"`
	// Description is the reason shown when an alternative fails the rule.
	Description string `json:"description,omitempty"`
	// Expression is the rule's boolean expression.
	Expression string `json:"expression"`
}

// KnockoutEnv is the environment of a model's knock-out rules.
type KnockoutEnv struct {
	// Values are the alternative's criterion values by criterion id.
	Values map[string]float64 `expr:"values"`
	// Facts are the alternative's boolean facts.
	Facts map[string]bool `expr:"facts"`
}

// WeightSpec says how a model's weights are obtained.
type WeightSpec struct {
	// Method is the weighting method.
	Method WeightMethod `json:"method"`
	// Values are direct weights, in criterion order.
	Values []float64 `json:"values,omitempty"`
	// Ranks are importance ranks for roc (1 = most important).
	Ranks []int `json:"ranks,omitempty"`
	// PairwiseUpper is the upper triangle, row by row, of the criteria's
	// AHP comparison matrix.
	PairwiseUpper []float64 `json:"pairwise_upper,omitempty"`
	// AHP configures the AHP computation.
	AHP AHPOptions `json:"ahp,omitzero"`
}

// ParseModel validates doc against ModelSchema and decodes it into a
// ModelSpec (unknown fields rejected). Schema violations are
// *outsourcing.FieldError values with JSON-pointer paths into doc; the
// model's semantics (a value per criterion, weights, settings) are
// checked by CompileModel.
func ParseModel(doc []byte) (ModelSpec, error) {
	var spec ModelSpec
	if err := modelSchema.Decode(doc, &spec); err != nil {
		return ModelSpec{}, wrap(err)
	}
	return spec, nil
}

// Model is a compiled scoring model: its decision matrix built and
// checked, its knock-out rules compiled, its weights (when they do not
// depend on the data) derived and its settings validated. It is immutable
// and safe for concurrent use.
type Model struct {
	spec      ModelSpec
	matrix    *Matrix
	knockouts *Knockouts[KnockoutEnv]
	envs      []KnockoutEnv
	weights   *Weights   // direct, equal, roc and ahp weights
	ahp       *AHPResult // ahp only
}

// CompileModel checks spec and builds the Model. Errors (joined where
// several are found) are *outsourcing.FieldError values whose Path is
// the JSON pointer of the offending value in the document
// ("/alternatives/2/values/price", "/weights/pairwise_upper/1",
// "/method/v"), or the kernel's *outsourcing.RuleError for a knock-out
// rule that does not compile.
func CompileModel(spec ModelSpec) (_ *Model, err error) {
	defer wrapErr(&err)
	md := &Model{spec: cloneSpec(spec)}
	if md.matrix, err = md.spec.matrix(); err != nil {
		return nil, err
	}
	rows := identity(md.matrix.Rows())
	if err := spec.Method.validate(md.matrix.Cols()); err != nil {
		return nil, md.docErr(err, rows, "/method")
	}
	if err := spec.Ranking.validate(); err != nil {
		return nil, md.docErr(err, rows, "/ranking")
	}
	if len(spec.Knockouts) > 0 {
		list := make([]rules.Rule, len(spec.Knockouts))
		for i, k := range spec.Knockouts {
			list[i] = rules.Rule{ID: k.ID, Description: k.Description, Expression: k.Expression}
		}
		if md.knockouts, err = CompileKnockouts[KnockoutEnv](list); err != nil {
			return nil, err
		}
		md.envs = make([]KnockoutEnv, len(md.spec.Alternatives))
		for i, a := range md.spec.Alternatives {
			md.envs[i] = KnockoutEnv{Values: a.Values, Facts: a.Facts}
		}
	}
	if err := enumError("/weights/method", "weight method", spec.Weights.Method, weightMethods); err != nil {
		return nil, err
	}
	if !spec.Weights.Method.fromData() {
		w, r, err := spec.Weights.derive(md.matrix)
		if err != nil {
			return nil, md.docErr(err, rows, "/weights/ahp")
		}
		md.weights, md.ahp = &w, r
	}
	return md, nil
}

// Spec returns a copy of the spec the model was compiled from.
func (md *Model) Spec() ModelSpec { return cloneSpec(md.spec) }

// Result is the evaluation of a model, with its audit trail: the method
// settings, the weights and how they were obtained, each alternative's
// score and rank, and the alternatives excluded by knock-outs.
type Result struct {
	// Method is the method and settings used.
	Method Config `json:"method"`
	// Weights are the weights used and how they were obtained.
	Weights Weights `json:"weights"`
	// AHP is the AHP computation of the weights (ahp weights only).
	AHP *AHPResult `json:"ahp,omitempty"`
	// Scores are the method's scores of the alternatives kept.
	Scores *Scores `json:"scores"`
	// Ranking orders the alternatives kept, best first.
	Ranking []Ranked `json:"ranking"`
	// Excluded are the alternatives the knock-out rules removed.
	Excluded []Exclusion `json:"excluded,omitempty"`
}

// Evaluate screens the model's alternatives with its knock-out rules,
// derives the weights on the remaining ones when they come from the data
// (entropy, std_dev, critic, merec), scores them and ranks them. Errors
// point into the document as CompileModel's do: a knock-out rule failing
// at run time ("/alternatives/1", wrapping the *outsourcing.RuleError),
// every alternative excluded, a column the method or weighting cannot
// handle ("/criteria/2"), and anything Score returns.
func (md *Model) Evaluate() (_ *Result, err error) {
	defer wrapErr(&err)
	m, rows := md.matrix, identity(md.matrix.Rows())
	res := &Result{Method: md.spec.Method}
	if md.knockouts != nil {
		if m, res.Excluded, rows, err = md.knockouts.screen(m, md.envs); err != nil {
			return nil, md.docErr(err, identity(md.matrix.Rows()), "")
		}
	}
	if md.weights != nil {
		res.Weights, res.AHP = *md.weights, md.ahp
		res.Weights.Values = slices.Clone(md.weights.Values)
		res.Weights.Criteria = slices.Clone(md.weights.Criteria)
	} else if res.Weights, _, err = md.spec.Weights.derive(m); err != nil {
		return nil, md.docErr(err, rows, "/weights")
	}
	if res.Scores, err = Score(m, res.Weights.Values, md.spec.Method); err != nil {
		return nil, md.docErr(err, rows, "/method")
	}
	if res.Ranking, err = Rank(res.Scores, md.spec.Ranking); err != nil {
		return nil, md.docErr(err, rows, "/ranking")
	}
	return res, nil
}

// matrix builds the decision matrix from the alternatives' value maps,
// reporting missing and unknown values at the document's values object.
func (spec ModelSpec) matrix() (*Matrix, error) {
	ids := make([]string, len(spec.Alternatives))
	data := make([]float64, 0, len(spec.Alternatives)*len(spec.Criteria))
	var errs []error
	for i, a := range spec.Alternatives {
		ids[i] = a.ID
		for _, c := range spec.Criteria {
			v, ok := a.Values[c.ID]
			if !ok {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("alternatives", i, "values"), "alternative %q has no value for criterion %q", a.ID, c.ID))
			}
			data = append(data, v)
		}
		for _, k := range slices.Sorted(maps.Keys(a.Values)) {
			if !slices.ContainsFunc(spec.Criteria, func(c Criterion) bool { return c.ID == k }) {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("alternatives", i, "values", k), "alternative %q has a value for unknown criterion %q",
					a.ID, k))
			}
		}
	}
	m, err := newMatrix(ids, spec.Criteria, data, func(i, j int) string {
		return jsonptr.Join("alternatives", i, "values", spec.Criteria[j].ID)
	})
	if err != nil {
		errs = append(errs, mapPaths(err, func(p string) string {
			if strings.HasPrefix(p, "/alternatives/") && strings.Count(p, "/") == 2 {
				return p + "/id" // checkIDs points at the id list
			}
			return p
		}))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return m, nil
}

// docErr maps the pointers of an error from the Go functions a model
// calls onto the document: rows[i] is the document index of the matrix's
// row i, and pointers to fields of an options value get the prefix opts.
func (md *Model) docErr(err error, rows []int, opts string) error {
	crit := md.spec.Criteria
	n := len(crit)
	return mapPaths(err, func(p string) string {
		tok := strings.Split(p, "/")[1:] // p is "" or starts with "/"
		if len(tok) == 0 {
			return opts
		}
		idx := func(k int) (int, bool) {
			if k >= len(tok) {
				return 0, false
			}
			v, err := strconv.Atoi(tok[k])
			return v, err == nil
		}
		rest := func(k int) string {
			if k >= len(tok) {
				return ""
			}
			return "/" + strings.Join(tok[k:], "/")
		}
		// field is the weights field at "/weights/name", or "/weights"
		// itself when the document leaves the field out.
		field := func(name string, given int) string {
			if given == 0 {
				return "/weights"
			}
			return "/weights/" + name + rest(1)
		}
		switch tok[0] {
		case "rows", "envs":
			i, ok := idx(1)
			if !ok || i >= len(rows) {
				return "/alternatives"
			}
			if j, ok := idx(2); ok && j < n {
				return jsonptr.Join("alternatives", rows[i], "values", crit[j].ID)
			}
			return jsonptr.Join("alternatives", rows[i])
		case "alternatives", "criteria":
			return p
		case "weights":
			return field("values", len(md.spec.Weights.Values))
		case "ranks":
			return field("ranks", len(md.spec.Weights.Ranks))
		case "upper":
			return field("pairwise_upper", len(md.spec.Weights.PairwiseUpper))
		case "pairwise":
			i, iok := idx(1)
			j, jok := idx(2)
			if iok && jok && i < j && j < n {
				return jsonptr.Join("weights", "pairwise_upper", i*n-i*(i+1)/2+j-i-1)
			}
			return field("pairwise_upper", len(md.spec.Weights.PairwiseUpper))
		}
		return opts + p
	})
}

// identity returns 0, 1, …, n−1.
func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// cloneSpec deep-copies a spec so that a Model shares nothing with its caller.
func cloneSpec(s ModelSpec) ModelSpec {
	s.Criteria = slices.Clone(s.Criteria)
	for j := range s.Criteria {
		s.Criteria[j].Min = clonePtr(s.Criteria[j].Min)
		s.Criteria[j].Max = clonePtr(s.Criteria[j].Max)
	}
	s.Alternatives = slices.Clone(s.Alternatives)
	for i := range s.Alternatives {
		s.Alternatives[i].Values = maps.Clone(s.Alternatives[i].Values)
		s.Alternatives[i].Facts = maps.Clone(s.Alternatives[i].Facts)
	}
	s.Weights.Values = slices.Clone(s.Weights.Values)
	s.Weights.Ranks = slices.Clone(s.Weights.Ranks)
	s.Weights.PairwiseUpper = slices.Clone(s.Weights.PairwiseUpper)
	s.Weights.AHP.RandomIndexValues = slices.Clone(s.Weights.AHP.RandomIndexValues)
	s.Method = s.Method.clone()
	s.Knockouts = slices.Clone(s.Knockouts)
	return s
}

// fromData reports whether the weights are derived from the decision
// matrix, so that they depend on the alternatives kept by the knock-outs.
func (w WeightMethod) fromData() bool {
	switch w {
	case WeightMethodEntropy, WeightMethodStdDev, WeightMethodStdDevRaw, WeightMethodCRITIC, WeightMethodMEREC:
		return true
	}
	return false
}

// derive computes the weights the spec asks for on m.
func (ws WeightSpec) derive(m *Matrix) (Weights, *AHPResult, error) {
	switch ws.Method {
	case WeightMethodDirect:
		w, err := DirectWeights(m, ws.Values)
		return w, nil, err
	case WeightMethodEqual:
		return EqualWeights(m), nil, nil
	case WeightMethodROC:
		w, err := ROCWeights(m, ws.Ranks)
		return w, nil, err
	case WeightMethodEntropy:
		w, err := EntropyWeights(m)
		return w, nil, err
	case WeightMethodStdDev:
		w, err := StdDevWeights(m)
		return w, nil, err
	case WeightMethodStdDevRaw:
		w, err := StdDevRawWeights(m)
		return w, nil, err
	case WeightMethodCRITIC:
		w, err := CRITICWeights(m)
		return w, nil, err
	case WeightMethodMEREC:
		w, err := MERECWeights(m)
		return w, nil, err
	default: // ahp
		p, err := NewPairwiseUpper(m.Cols(), ws.PairwiseUpper)
		if err != nil {
			return Weights{}, nil, err
		}
		r, err := AHP(p, ws.AHP)
		if err != nil {
			return Weights{}, nil, err
		}
		return Weights{Method: WeightMethodAHP, Criteria: m.criterionIDs(), Values: r.Priorities, InputSum: 1}, &r, nil
	}
}
