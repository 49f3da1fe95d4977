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
