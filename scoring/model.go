package scoring

import (
	_ "embed"
	"fmt"
	"math"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/model.schema.json
var modelSchemaSource []byte

// ModelSchema is the JSON Schema of a scoring model document.
var ModelSchema = outsourcing.MustRegisterSchema(modelSchemaSource)

// Model is a scoring model document: everything needed to evaluate and
// rank alternatives, in the JSON form of schema/model.schema.json.
type Model struct {
	Criteria     []Criterion    `json:"criteria"`
	Alternatives []Alternative  `json:"alternatives"`
	Weights      WeightSpec     `json:"weights"`
	Method       Config         `json:"method"`
	Knockouts    []KnockoutRule `json:"knockouts,omitempty"`
	Ranking      RankOptions    `json:"ranking,omitzero"`
}

// Alternative is one row of a model: its value per criterion id and
// boolean facts for knock-out rules.
type Alternative struct {
	ID     string             `json:"id"`
	Values map[string]float64 `json:"values"`
	Facts  map[string]bool    `json:"facts,omitempty"`
}

// KnockoutRule is a mandatory criterion: a boolean expression over
// KnockoutEnv (for example `values.years >= 3 && facts.iso27001`).
type KnockoutRule struct {
	ID          string `json:"id"`
	Description string `json:"description,omitempty"`
	Expression  string `json:"expression"`
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

// ParseModel validates doc against ModelSchema and decodes it (numbers
// kept exact, unknown fields rejected). Schema violations are
// *outsourcing.FieldError values with JSON-pointer paths; the model's
// semantics (values per criterion, weights) are checked by Evaluate.
func ParseModel(doc []byte) (Model, error) {
	var m Model
	if err := ModelSchema.Decode(doc, &m); err != nil {
		return Model{}, fmt.Errorf("scoring: %w", err)
	}
	return m, nil
}

// Result is the evaluation of a model, with its audit trail: the method
// settings, the weights and how they were obtained, each alternative's
// score and rank, and the alternatives excluded by knock-outs.
type Result struct {
	Method   Config      `json:"method"`
	Weights  Weights     `json:"weights"`
	AHP      *AHPResult  `json:"ahp,omitempty"`
	Scores   *Scores     `json:"scores"`
	Ranking  []Ranked    `json:"ranking"`
	Excluded []Exclusion `json:"excluded,omitempty"`
}

// Evaluate screens the model's alternatives with its knock-out rules,
// derives the weights on the remaining ones, scores them and ranks them.
// Errors: missing or unknown criterion values (ErrInvalidInput, naming
// the alternative and criterion), bad weights or settings, rule compile
// errors (ErrRule), and anything Score returns.
func (md Model) Evaluate() (*Result, error) {
	m, err := md.matrix()
	if err != nil {
		return nil, err
	}
	res := &Result{Method: md.Method}
	if len(md.Knockouts) > 0 {
		rules := make([]rules.Rule, len(md.Knockouts))
		for i, k := range md.Knockouts {
			rules[i] = rules.Rule{ID: k.ID, Description: k.Description, Expression: k.Expression}
		}
		ko, err := CompileKnockouts[KnockoutEnv](rules)
		if err != nil {
			return nil, err
		}
		envs := make([]KnockoutEnv, len(md.Alternatives))
		for i, a := range md.Alternatives {
			envs[i] = KnockoutEnv{Values: a.Values, Facts: a.Facts}
		}
		if m, res.Excluded, err = ko.Screen(m, envs); err != nil {
			return nil, err
		}
	}
	if res.Weights, res.AHP, err = md.Weights.derive(m); err != nil {
		return nil, err
	}
	if res.Scores, err = Score(m, res.Weights.Values, md.Method); err != nil {
		return nil, err
	}
	if res.Ranking, err = Rank(res.Scores, md.Ranking); err != nil {
		return nil, err
	}
	return res, nil
}

// matrix builds the decision matrix from the alternatives' value maps.
func (md Model) matrix() (*Matrix, error) {
	ids := make([]string, len(md.Alternatives))
	rows := make([][]float64, len(md.Alternatives))
	for i, a := range md.Alternatives {
		ids[i] = a.ID
		rows[i] = make([]float64, len(md.Criteria))
		for j, c := range md.Criteria {
			v, ok := a.Values[c.ID]
			if !ok {
				v = math.NaN() // reported as missing by NewMatrix
			}
			rows[i][j] = v
		}
		if len(a.Values) > len(md.Criteria) {
			for k := range a.Values {
				if !md.hasCriterion(k) {
					return nil, errorf(fmt.Sprintf("alternatives[%d].values", i), "alternative %q has a value for unknown criterion %q", a.ID, k)
				}
			}
		}
	}
	return NewMatrix(ids, md.Criteria, rows)
}

func (md Model) hasCriterion(id string) bool {
	for _, c := range md.Criteria {
		if c.ID == id {
			return true
		}
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
	case WeightMethodCRITIC:
		w, err := CRITICWeights(m)
		return w, nil, err
	case WeightMethodAHP:
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
	return Weights{}, nil, errorf("weights.method", "unknown weight method %q", ws.Method)
}
