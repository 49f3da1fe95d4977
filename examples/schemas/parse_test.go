package main

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	lifecycle "github.com/outsourcing-go/outsourcing/examples/lifecycle/schema"
	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/risk"
	"github.com/outsourcing-go/outsourcing/rules"
	"github.com/outsourcing-go/outsourcing/scoring"
	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/outsourcing-go/outsourcing/termination"
	"github.com/outsourcing-go/outsourcing/vendors"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parsed runs a package's Parse function.
func parsed[T any](parse func([]byte) (T, error)) func([]byte) error {
	return func(doc []byte) error {
		_, err := parse(doc)
		return err
	}
}

// compiled runs a package's Parse function and compiles the result.
func compiled[T, U any](parse func([]byte) (T, error), compile func(T) (U, error)) func([]byte) error {
	return func(doc []byte) error {
		spec, err := parse(doc)
		if err != nil {
			return err
		}
		_, err = compile(spec)
		return err
	}
}

// readers maps each schema's file to the package function that reads
// such documents, and compiles them where the package has a compiler
// that needs no further input.
var readers = map[string]func([]byte) error{
	"calendar.schema.json":                           parsed(outsourcing.ParseCalendar),
	"contract/acceptance-request.schema.json":        parsed(contract.ParseAcceptanceRequest),
	"contract/change-request.schema.json":            parsed(contract.ParseChangeRequest),
	"contract/completions.schema.json":               parsed(contract.ParseCompletions),
	"contract/contract.schema.json":                  compiled(contract.ParseContract, contract.CompileContract),
	"contract/dispute.schema.json":                   parsed(contract.ParseDispute),
	"contract/fulfilments.schema.json":               parsed(contract.ParseFulfilments),
	"contract/invoice.schema.json":                   parsed(contract.ParseInvoice),
	"examples/lifecycle/contract-review.schema.json": parsed(lifecycle.ParseContractReview),
	"examples/lifecycle/review.schema.json":          parsed(lifecycle.ParseReview),
	"examples/lifecycle/story.schema.json":           parsed(lifecycle.ParseStory),
	"planning/budget.schema.json":                    parsed(planning.ParseBudget),
	"planning/capability.schema.json":                parsed(planning.ParseCapabilityChecklist),
	"planning/objectives.schema.json":                parsed(planning.ParseObjectiveSet),
	"planning/tco.schema.json":                       compiled(planning.ParseTCOModel, planning.CompileTCO),
	"planning/timeline.schema.json":                  parsed(planning.ParseTimeline),
	"risk/businesscase.schema.json":                  parsed(risk.ParseBusinessCase),
	"risk/matrix.schema.json":                        compiled(risk.ParseMatrix, risk.NewMatrix),
	"risk/register.schema.json":                      parsed(risk.ParseRegister),
	"rules/decision-table.schema.json":               parsed(rules.ParseTableSpec),
	"rules/ruleset.schema.json":                      parsed(rules.ParseSet),
	"scoring/model.schema.json":                      compiled(scoring.ParseModel, scoring.CompileModel),
	"sla/agreement.schema.json":                      compiled(sla.ParseAgreement, sla.CompileAgreement),
	"sla/input.schema.json":                          parsed(sla.ParseInput),
	"sla/report.schema.json":                         reportRead,
	"termination/context.schema.json":                parsed(termination.ParseContext),
	"termination/settlement.schema.json":             parsed(termination.ParseSettlement),
	"termination/review.schema.json":                 parsed(termination.ParseReview),
	"termination/terms.schema.json":                  parsed(termination.ParseTerms),
	"vendors/answers.schema.json":                    parsed(vendors.ParseAnswers),
	"vendors/decision.schema.json":                   parsed(vendors.ParseDecision),
	"vendors/ecosystem.schema.json":                  parsed(vendors.ParseEcosystem),
	"vendors/evaluation.schema.json":                 parsed(vendors.ParseEvaluation),
	"vendors/final.schema.json":                      parsed(vendors.ParseFinalInput),
	"vendors/improvement-plan.schema.json":           parsed(vendors.ParseImprovementPlan),
	"vendors/pool.schema.json":                       compiled(vendors.ParsePool, vendors.CompilePool),
	"vendors/questionnaire.schema.json":              compiled(vendors.ParseQuestionnaire, vendors.CompileQuestionnaire),
	"vendors/recognitions.schema.json":               parsed(vendors.ParseRecognitions),
	"vendors/reviews.schema.json":                    parsed(vendors.ParseReviews),
	"vendors/survey.schema.json":                     parsed(vendors.ParseSurvey),
	"vendors/template.schema.json":                   compiled(vendors.ParseTemplate, vendors.CompileTemplate),
}

// reportRead reads a stored report as package termination reads the
// reports its documents carry: validated, then decoded strictly.
func reportRead(doc []byte) error { return sla.ReportSchema().Decode(doc, new(sla.Report)) }

// decoded decodes a value as the packages decode such a field.
func decoded[T any]() func([]byte) error {
	return func(doc []byte) error { return json.Unmarshal(doc, new(T)) }
}

// fieldReaders maps shared definitions to the Go type that decodes fields
// of that definition, so a value the definition accepts is one the SDK
// reads, not one whose decoding fails later without a JSON pointer.
var fieldReaders = map[string]func([]byte) error{
	"money.schema.json#/$defs/date":    decoded[contract.Date](),
	"money.schema.json#/$defs/decimal": decoded[outsourcing.Decimal](),
	"money.schema.json#/$defs/instant": decoded[time.Time](),
	"money.schema.json#/$defs/money":   decoded[outsourcing.Money](),
}

// A valid fixture is a document the SDK accepts, not only its schema:
// integrators copy them. Every schema of a document names its reader
// here; of the definitions, those in fieldReaders are read too.
func TestValidFixturesAreRead(t *testing.T) {
	fixtures, err := listFixtures(fixturesFS, registered)
	require.NoError(t, err)
	for _, e := range registered {
		if slices.Contains(targets(t, e.ID), e.ID) {
			assert.Containsf(t, readers, e.File, "no reader for %s: add the package's Parse function to readers", e.File)
		}
	}
	for _, f := range fixtures {
		read, ok := readers[strings.TrimPrefix(f.Schema, baseURL)]
		if !ok {
			read, ok = fieldReaders[strings.TrimPrefix(f.Schema, baseURL)]
		}
		if !f.Valid || !ok {
			continue
		}
		doc, err := fs.ReadFile(fixturesFS, f.File)
		require.NoError(t, err)
		assert.NoError(t, read(doc), f.File)
	}
}

// Whatever the string definitions of fieldReaders accept (instant, date,
// decimal), their Go reader decodes: the instant pattern leaves out what
// RFC 3339 and the date-time format allow but encoding/json does not read
// (lower-case t and z, leap seconds), the date pattern the year 0000
// contract.Date refuses. Each input is tried against every definition.
func FuzzStringDefinitionsAreReadByGo(f *testing.F) {
	fixtures, err := listFixtures(fixturesFS, registered)
	require.NoError(f, err)
	defs := map[string]*outsourcing.Schema{}
	for _, name := range []string{"instant", "date", "decimal"} {
		target := baseURL + "money.schema.json#/$defs/" + name
		if defs[target], err = schemaFor(target); err != nil {
			f.Fatal(err)
		}
	}
	for _, fx := range fixtures {
		if _, ok := defs[fx.Schema]; ok {
			doc, err := fs.ReadFile(fixturesFS, fx.File)
			require.NoError(f, err)
			var s string
			if json.Unmarshal(doc, &s) == nil {
				f.Add(s)
			}
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc, err := json.Marshal(s)
		require.NoError(t, err)
		for target, schema := range defs {
			if schema.Validate(doc) == nil {
				assert.NoError(t, fieldReaders[strings.TrimPrefix(target, baseURL)](doc), "%s accepts %s", target, doc)
			}
		}
	})
}
