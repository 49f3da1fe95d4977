package vendors

import (
	_ "embed"

	"github.com/outsourcing-go/outsourcing"
)

//go:embed schema/pool.schema.json
var poolSchemaJSON []byte

var poolSchema = outsourcing.MustRegisterSchema(poolSchemaJSON)

// PoolSchema returns the schema of vendor pool documents (see ParsePool);
// its $id is https://outsourcing-go.github.io/schemas/vendors/pool.schema.json.
func PoolSchema() *outsourcing.Schema { return poolSchema }

//go:embed schema/template.schema.json
var templateSchemaJSON []byte

var templateSchema = outsourcing.MustRegisterSchema(templateSchemaJSON)

// TemplateSchema returns the schema of evaluation templates (see
// ParseTemplate); its $id is
// https://outsourcing-go.github.io/schemas/vendors/template.schema.json.
func TemplateSchema() *outsourcing.Schema { return templateSchema }

//go:embed schema/evaluation.schema.json
var evaluationSchemaJSON []byte

var evaluationSchema = outsourcing.MustRegisterSchema(evaluationSchemaJSON)

// EvaluationSchema returns the schema of evaluation documents (see
// ParseEvaluation); its $id is
// https://outsourcing-go.github.io/schemas/vendors/evaluation.schema.json.
func EvaluationSchema() *outsourcing.Schema { return evaluationSchema }

//go:embed schema/questionnaire.schema.json
var questionnaireSchemaJSON []byte

//go:embed schema/answers.schema.json
var answersSchemaJSON []byte

var (
	questionnaireSchema = outsourcing.MustRegisterSchema(questionnaireSchemaJSON)
	answersSchema       = outsourcing.MustRegisterSchema(answersSchemaJSON)
)

// QuestionnaireSchema returns the schema of due-diligence questionnaires
// (see ParseQuestionnaire); its $id is
// https://outsourcing-go.github.io/schemas/vendors/questionnaire.schema.json.
func QuestionnaireSchema() *outsourcing.Schema { return questionnaireSchema }

// AnswersSchema returns the schema of answer sheets (see ParseAnswers);
// its $id is https://outsourcing-go.github.io/schemas/vendors/answers.schema.json.
func AnswersSchema() *outsourcing.Schema { return answersSchema }

//go:embed schema/decision.schema.json
var decisionSchemaJSON []byte

var decisionSchema = outsourcing.MustRegisterSchema(decisionSchemaJSON)

// DecisionSchema returns the schema of selection decisions (see
// ParseDecision); its $id is
// https://outsourcing-go.github.io/schemas/vendors/decision.schema.json.
func DecisionSchema() *outsourcing.Schema { return decisionSchema }

//go:embed schema/reviews.schema.json
var reviewsSchemaJSON []byte

var reviewsSchema = outsourcing.MustRegisterSchema(reviewsSchemaJSON)

// ReviewsSchema returns the schema of performance-review documents (see
// ParseReviews); its $id is
// https://outsourcing-go.github.io/schemas/vendors/reviews.schema.json.
func ReviewsSchema() *outsourcing.Schema { return reviewsSchema }

//go:embed schema/survey.schema.json
var surveySchemaJSON []byte

var surveySchema = outsourcing.MustRegisterSchema(surveySchemaJSON)

// SurveySchema returns the schema of satisfaction surveys (see
// ParseSurvey); its $id is
// https://outsourcing-go.github.io/schemas/vendors/survey.schema.json.
func SurveySchema() *outsourcing.Schema { return surveySchema }

//go:embed schema/improvement-plan.schema.json
var planSchemaJSON []byte

var planSchema = outsourcing.MustRegisterSchema(planSchemaJSON)

// ImprovementPlanSchema returns the schema of improvement plans (see
// ParseImprovementPlan); its $id is
// https://outsourcing-go.github.io/schemas/vendors/improvement-plan.schema.json.
func ImprovementPlanSchema() *outsourcing.Schema { return planSchema }

//go:embed schema/recognitions.schema.json
var recognitionsSchemaJSON []byte

var recognitionsSchema = outsourcing.MustRegisterSchema(recognitionsSchemaJSON)

// RecognitionsSchema returns the schema of recognition records (see
// ParseRecognitions); its $id is
// https://outsourcing-go.github.io/schemas/vendors/recognitions.schema.json.
func RecognitionsSchema() *outsourcing.Schema { return recognitionsSchema }

//go:embed schema/ecosystem.schema.json
var ecosystemSchemaJSON []byte

var ecosystemSchema = outsourcing.MustRegisterSchema(ecosystemSchemaJSON)

// EcosystemSchema returns the schema of EBIOS RM ecosystem maps (see
// ParseEcosystem); its $id is
// https://outsourcing-go.github.io/schemas/vendors/ecosystem.schema.json.
func EcosystemSchema() *outsourcing.Schema { return ecosystemSchema }

//go:embed schema/final.schema.json
var finalSchemaJSON []byte

var finalSchema = outsourcing.MustRegisterSchema(finalSchemaJSON)

// FinalInputSchema returns the schema of final-evaluation inputs (see
// ParseFinalInput); its $id is
// https://outsourcing-go.github.io/schemas/vendors/final.schema.json.
func FinalInputSchema() *outsourcing.Schema { return finalSchema }

// parse validates doc against schema and decodes it into a T (numbers
// exact, unknown fields rejected); problems are *outsourcing.FieldError
// values at JSON pointers into doc, prefixed "vendors: " once.
func parse[T any](schema *outsourcing.Schema, doc []byte) (T, error) {
	var spec T
	if err := schema.Decode(doc, &spec); err != nil {
		var zero T
		return zero, wrap(err)
	}
	return spec, nil
}
