package vendors

import (
	"errors"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// QuestionnaireSpec is a third-party due-diligence questionnaire
// (schema/questionnaire.schema.json; Handbook §2.1, §5.1): questions in
// weighted categories, each with an answer scale. It is scored the way
// assessment engines of vendor-risk tools score them (ServiceNow
// "Normalized value for an assessment"): an answer is normalised on its
// scale to [0, 1], weighted within its category by the weights of the
// questions answered, and categories are weighted into the overall score.
// Questions not answered are reported and their weight left out, never
// counted as zero.
type QuestionnaireSpec struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// ScaleFactor is the score of a perfect answer sheet; zero means 100.
	ScaleFactor outsourcing.Decimal `json:"scale_factor,omitzero"`
	Categories  []QuestionCategory  `json:"categories"`
	Questions   []Question          `json:"questions"`
	// Bands turn a score into a risk rating: the first band whose MinScore
	// the score reaches, in decreasing MinScore order. Nil means
	// DefaultRatingBands.
	Bands []RatingBand `json:"bands,omitempty"`
}

// QuestionCategory groups questions (access control, business continuity,
// privacy...) with a weight in the overall score.
type QuestionCategory struct {
	ID     string              `json:"id"`
	Name   string              `json:"name,omitempty"`
	Weight outsourcing.Decimal `json:"weight"`
}

// Question is one question with its answer scale.
type Question struct {
	ID       string              `json:"id"`
	Category string              `json:"category"`
	Text     string              `json:"text,omitempty"`
	Weight   outsourcing.Decimal `json:"weight"`
	Answer   AnswerScale         `json:"answer"`
	// AllowNA lets the vendor answer "n/a": the question is then left out
	// like a missing one, but not reported as missing.
	AllowNA bool `json:"allow_na,omitempty"`
}

// AnswerScale says what answers a question takes and how they normalise.
type AnswerScale struct {
	// Type is yes_no ("yes" is 1, "no" 0), number (a decimal in [Min, Max],
	// normalised (x − Min)/(Max − Min)) or choice (one of Choices,
	// normalised (points − lowest)/(highest − lowest)).
	Type    AnswerType          `json:"type"`
	Min     outsourcing.Decimal `json:"min,omitzero"`
	Max     outsourcing.Decimal `json:"max,omitzero"`
	Choices []Choice            `json:"choices,omitempty"`
	// LowerIsBetter reverses the normalisation (1 − value), for questions
	// such as "how many breaches in the last three years?" or "no".
	LowerIsBetter bool `json:"lower_is_better,omitempty"`
}

// Choice is one possible answer of a choice question.
type Choice struct {
	Value  string              `json:"value"`
	Points outsourcing.Decimal `json:"points"`
}

// AnswerType is the kind of answer a question takes.
type AnswerType string

// Answer types.
const (
	AnswerTypeYesNo  AnswerType = "yes_no"
	AnswerTypeNumber AnswerType = "number"
	AnswerTypeChoice AnswerType = "choice"
)

var answerTypes = []AnswerType{AnswerTypeYesNo, AnswerTypeNumber, AnswerTypeChoice}

// String returns the type's name.
func (t AnswerType) String() string { return string(t) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown types.
func (t AnswerType) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(t, "answer type", answerTypes)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown types.
func (t *AnswerType) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(t, text, "answer type", answerTypes)
}

// RatingBand maps scores from MinScore up to a risk rating.
type RatingBand struct {
	MinScore outsourcing.Decimal   `json:"min_score"`
	Rating   outsourcing.RiskLevel `json:"rating"`
}

// DefaultRatingBands returns the bands used when a questionnaire has none,
// on a 0–100 score (this package's choice, to be tuned per programme):
// 90 and above very low risk, 75 low, 50 moderate, 25 high, below 25 very
// high. A questionnaire with another ScaleFactor should set its own.
func DefaultRatingBands() []RatingBand {
	return []RatingBand{
		{MinScore: outsourcing.MustDecimal("90"), Rating: outsourcing.RiskLevelVeryLow},
		{MinScore: outsourcing.MustDecimal("75"), Rating: outsourcing.RiskLevelLow},
		{MinScore: outsourcing.MustDecimal("50"), Rating: outsourcing.RiskLevelModerate},
		{MinScore: outsourcing.MustDecimal("25"), Rating: outsourcing.RiskLevelHigh},
		{MinScore: outsourcing.MustDecimal("0"), Rating: outsourcing.RiskLevelVeryHigh},
	}
}

// Questionnaire is a compiled questionnaire: immutable, safe for
// concurrent use.
type Questionnaire struct {
	spec     QuestionnaireSpec
	scale    num   // ScaleFactor, 100 when zero
	minScore []num // the bands' MinScore, exactly
	category map[string]int
	question map[string]int
	bands    []RatingBand
}

// ParseQuestionnaire validates doc against QuestionnaireSchema and decodes it.
func ParseQuestionnaire(doc []byte) (QuestionnaireSpec, error) {
	return parse[QuestionnaireSpec](questionnaireSchema, doc)
}

// CompileQuestionnaire checks spec — unique ids, positive weights,
// questions in known categories, number scales with Min below Max,
// choice questions with distinct values and at least two point levels,
// bands in decreasing order — and builds the questionnaire. Problems are
// *outsourcing.FieldError values at their pointers, joined.
func CompileQuestionnaire(spec QuestionnaireSpec) (*Questionnaire, error) {
	q := &Questionnaire{spec: spec, scale: intNum(100), category: map[string]int{}, question: map[string]int{}, bands: spec.Bands}
	q.spec.Categories, q.spec.Questions = slices.Clone(spec.Categories), slices.Clone(spec.Questions)
	if !spec.ScaleFactor.IsZero() {
		q.scale = numOf(spec.ScaleFactor)
	}
	if len(q.bands) == 0 {
		q.bands = DefaultRatingBands()
	}
	q.bands = slices.Clone(q.bands)
	for _, b := range q.bands {
		q.minScore = append(q.minScore, numOf(b.MinScore))
	}
	var errs []error
	if q.scale.sign() <= 0 {
		errs = append(errs, outsourcing.FieldErrorf("/scale_factor", "scale factor %s is not positive", spec.ScaleFactor))
	}
	for i, c := range spec.Categories {
		if _, dup := q.category[c.ID]; dup {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("categories", i, "id"), "duplicate category %q", c.ID))
		}
		q.category[c.ID] = i
		if !c.Weight.IsPositive() {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("categories", i, "weight"), "category %q: weight %s is not positive", c.ID, c.Weight))
		}
	}
	for i, qu := range spec.Questions {
		errs = append(errs, q.addQuestion(i, qu)...)
	}
	for i := 1; i < len(q.bands); i++ {
		if !q.bands[i].MinScore.LessThan(q.bands[i-1].MinScore) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("bands", i, "min_score"), "bands must be in decreasing min_score order"))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, wrap(err)
	}
	return q, nil
}

func (q *Questionnaire) addQuestion(i int, qu Question) []error {
	at := jsonptr.Join("questions", i)
	var errs []error
	if _, dup := q.question[qu.ID]; dup {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "id"), "duplicate question %q", qu.ID))
	}
	q.question[qu.ID] = i
	if _, ok := q.category[qu.Category]; !ok {
		errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "category"), "question %q: unknown category %q",
			qu.ID, qu.Category))
	}
	if !qu.Weight.IsPositive() {
		errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "weight"), "question %q: weight %s is not positive", qu.ID, qu.Weight))
	}
	a := qu.Answer
	switch a.Type {
	case AnswerTypeNumber:
		if !a.Min.LessThan(a.Max) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "answer", "max"), "question %q: maximum %s is not above the minimum %s",
				qu.ID, a.Max, a.Min))
		}
	case AnswerTypeChoice:
		seen := map[string]bool{}
		for j, c := range a.Choices {
			if seen[c.Value] {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "answer", "choices", j, "value"), "question %q: duplicate choice %q", qu.ID, c.Value))
			}
			seen[c.Value] = true
		}
		if lo, hi := choiceRange(a.Choices); !lo.LessThan(hi) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "answer", "choices"), "question %q: choices need at least two different point values",
				qu.ID))
		}
	}
	return errs
}

// choiceRange returns the lowest and highest points of choices.
func choiceRange(choices []Choice) (lo, hi outsourcing.Decimal) {
	for i, c := range choices {
		if i == 0 || c.Points.LessThan(lo) {
			lo = c.Points
		}
		if i == 0 || c.Points.GreaterThan(hi) {
			hi = c.Points
		}
	}
	return lo, hi
}

// Answers is one vendor's answer sheet (schema/answers.schema.json).
type Answers struct {
	Vendor  string   `json:"vendor"`
	Answers []Answer `json:"answers"`
}

// Answer is the answer to one question: "yes"/"no", a decimal, a choice
// value, or "n/a" where the question allows it.
type Answer struct {
	Question string `json:"question"`
	Value    string `json:"value"`
}

// ParseAnswers validates doc against AnswersSchema and decodes it.
func ParseAnswers(doc []byte) (Answers, error) {
	return parse[Answers](answersSchema, doc)
}

// QuestionnaireResult is a vendor's scored questionnaire.
type QuestionnaireResult struct {
	Vendor string `json:"vendor"`
	// Score is the overall score in [0, ScaleFactor] over the categories
	// with at least one answer (the float64 nearest the exact score), and
	// Rating its band, decided on the exact score; Scored is false (and
	// Score 0) when nothing was answered.
	Score  float64               `json:"score"`
	Rating outsourcing.RiskLevel `json:"rating,omitempty"`
	Scored bool                  `json:"scored"`
	// Categories in questionnaire order.
	Categories []CategoryResult `json:"categories"`
	// Answered counts the answers scored; Missing lists the questions not
	// answered (left out, not counted as zero); NotApplicable those
	// answered "n/a".
	Answered      int      `json:"answered"`
	Missing       []string `json:"missing,omitempty"`
	NotApplicable []string `json:"not_applicable,omitempty"`
	// Complete is true when no question is missing.
	Complete bool `json:"complete"`
}

// CategoryResult is one category's score.
type CategoryResult struct {
	Category string                `json:"category"`
	Score    float64               `json:"score"`
	Rating   outsourcing.RiskLevel `json:"rating,omitempty"`
	Scored   bool                  `json:"scored"`
	Answered int                   `json:"answered"`
	Missing  int                   `json:"missing"`
}

// Score scores an answer sheet. In a category, each answered question
// contributes normalised value × weight / (sum of the weights of the
// category's answered questions) × ScaleFactor; the overall score is the
// mean of the scored categories weighted by their weights. Bad answers are
// *outsourcing.FieldError values at "/answers/i/..." naming the vendor:
// an unknown question (ErrNotFound), a value that is not on the scale, a
// question answered twice, "n/a" where not allowed.
func (q *Questionnaire) Score(a Answers) (QuestionnaireResult, error) {
	values := make([]num, len(q.spec.Questions))
	state := make([]byte, len(q.spec.Questions)) // 0 missing, 1 answered, 2 n/a
	var errs []error
	for i, ans := range a.Answers {
		at := jsonptr.Join("answers", i)
		k, ok := q.question[ans.Question]
		if !ok {
			errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "question"), "vendor %q: unknown question %q",
				a.Vendor, ans.Question))
			continue
		}
		if state[k] != 0 {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "question"), "vendor %q: question %q answered twice", a.Vendor, ans.Question))
			continue
		}
		qu := q.spec.Questions[k]
		if strings.EqualFold(ans.Value, "n/a") {
			if !qu.AllowNA {
				errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "value"), "vendor %q: question %q does not allow n/a", a.Vendor, qu.ID))
				continue
			}
			state[k] = 2
			continue
		}
		v, ok := normalise(qu.Answer, ans.Value)
		if !ok {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "value"), "vendor %q: %q is not an answer to question %q (%s)",
				a.Vendor, ans.Value, qu.ID, qu.Answer.Type))
			continue
		}
		values[k], state[k] = v, 1
	}
	if err := errors.Join(errs...); err != nil {
		return QuestionnaireResult{}, wrap(err)
	}
	return q.result(a.Vendor, values, state), nil
}

// normalise maps an answer to [0, 1] on its scale, exactly.
func normalise(s AnswerScale, value string) (num, bool) {
	var v num
	switch s.Type {
	case AnswerTypeYesNo:
		switch strings.ToLower(value) {
		case "yes":
			v = intNum(1)
		case "no":
		default:
			return num{}, false
		}
	case AnswerTypeNumber:
		x, err := outsourcing.ParseDecimal(value)
		if err != nil || x.LessThan(s.Min) || x.GreaterThan(s.Max) {
			return num{}, false
		}
		v = numOf(x.Sub(s.Min)).quo(numOf(s.Max.Sub(s.Min)))
	case AnswerTypeChoice:
		i := slices.IndexFunc(s.Choices, func(c Choice) bool { return c.Value == value })
		if i < 0 {
			return num{}, false
		}
		lo, hi := choiceRange(s.Choices)
		v = numOf(s.Choices[i].Points.Sub(lo)).quo(numOf(hi.Sub(lo)))
	default:
		return num{}, false
	}
	if s.LowerIsBetter {
		v = intNum(1).sub(v)
	}
	return v, true
}

// result aggregates normalised answers into category and overall scores,
// exactly: the bands are decided on the exact scores (with weights 0.3
// and 0.1, a yes and a no score 75, which float64 makes 74.99999999999999),
// and the float64 scores reported are the nearest to the exact ones.
func (q *Questionnaire) result(vendor string, values []num, state []byte) QuestionnaireResult {
	res := QuestionnaireResult{Vendor: vendor, Categories: make([]CategoryResult, len(q.spec.Categories))}
	sums := make([]num, len(q.spec.Categories))
	weights := make([]num, len(q.spec.Categories))
	for k, qu := range q.spec.Questions {
		c := q.category[qu.Category]
		switch state[k] {
		case 0:
			res.Missing = append(res.Missing, qu.ID)
			res.Categories[c].Missing++
		case 1:
			w := numOf(qu.Weight)
			sums[c] = sums[c].add(w.mul(values[k]))
			weights[c] = weights[c].add(w)
			res.Categories[c].Answered++
			res.Answered++
		case 2:
			res.NotApplicable = append(res.NotApplicable, qu.ID)
		}
	}
	var total, wsum num
	for c, cat := range q.spec.Categories {
		cr := &res.Categories[c]
		cr.Category = cat.ID
		if weights[c].sign() == 0 {
			continue
		}
		score := sums[c].quo(weights[c]).mul(q.scale)
		cr.Score, cr.Scored, cr.Rating = score.float(), true, q.rating(score)
		w := numOf(cat.Weight)
		total = total.add(w.mul(score))
		wsum = wsum.add(w)
	}
	if wsum.sign() > 0 {
		score := total.quo(wsum)
		res.Score, res.Scored, res.Rating = score.float(), true, q.rating(score)
	}
	res.Complete = len(res.Missing) == 0
	return res
}

// rating returns the band of the exact score.
func (q *Questionnaire) rating(score num) outsourcing.RiskLevel {
	for i, b := range q.bands {
		if score.cmp(q.minScore[i]) >= 0 {
			return b.Rating
		}
	}
	return q.bands[len(q.bands)-1].Rating
}
