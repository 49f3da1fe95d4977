package main

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
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
	"calendar.schema.json":                    parsed(outsourcing.ParseCalendar),
	"contract/acceptance-request.schema.json": parsed(contract.ParseAcceptanceRequest),
	"contract/change-request.schema.json":     parsed(contract.ParseChangeRequest),
	"contract/completions.schema.json":        parsed(contract.ParseCompletions),
	"contract/contract.schema.json":           compiled(contract.ParseContract, contract.CompileContract),
	"contract/dispute.schema.json":            parsed(contract.ParseDispute),
	"contract/fulfilments.schema.json":        parsed(contract.ParseFulfilments),
	"contract/invoice.schema.json":            parsed(contract.ParseInvoice),
	"planning/budget.schema.json":             parsed(planning.ParseBudget),
	"planning/capability.schema.json":         parsed(planning.ParseCapabilityChecklist),
	"planning/objectives.schema.json":         parsed(planning.ParseObjectiveSet),
	"planning/tco.schema.json":                compiled(planning.ParseTCOModel, planning.CompileTCO),
	"planning/timeline.schema.json":           parsed(planning.ParseTimeline),
	"risk/businesscase.schema.json":           parsed(risk.ParseBusinessCase),
	"risk/matrix.schema.json":                 compiled(risk.ParseMatrix, risk.NewMatrix),
	"risk/register.schema.json":               parsed(risk.ParseRegister),
	"rules/decision-table.schema.json":        parsed(rules.ParseTableSpec),
	"rules/ruleset.schema.json":               parsed(rules.ParseSet),
	"scoring/model.schema.json":               compiled(scoring.ParseModel, scoring.CompileModel),
	"sla/agreement.schema.json":               compiled(sla.ParseAgreement, sla.CompileAgreement),
	"sla/input.schema.json":                   parsed(sla.ParseInput),
	"termination/context.schema.json":         parsed(termination.ParseContext),
	"termination/settlement.schema.json":      parsed(termination.ParseSettlement),
	"termination/terms.schema.json":           parsed(termination.ParseTerms),
	"vendors/answers.schema.json":             parsed(vendors.ParseAnswers),
	"vendors/decision.schema.json":            parsed(vendors.ParseDecision),
	"vendors/ecosystem.schema.json":           parsed(vendors.ParseEcosystem),
	"vendors/evaluation.schema.json":          parsed(vendors.ParseEvaluation),
	"vendors/final.schema.json":               parsed(vendors.ParseFinalInput),
	"vendors/improvement-plan.schema.json":    parsed(vendors.ParseImprovementPlan),
	"vendors/pool.schema.json":                compiled(vendors.ParsePool, vendors.CompilePool),
	"vendors/questionnaire.schema.json":       compiled(vendors.ParseQuestionnaire, vendors.CompileQuestionnaire),
	"vendors/recognitions.schema.json":        parsed(vendors.ParseRecognitions),
	"vendors/reviews.schema.json":             parsed(vendors.ParseReviews),
	"vendors/survey.schema.json":              parsed(vendors.ParseSurvey),
	"vendors/template.schema.json":            compiled(vendors.ParseTemplate, vendors.CompileTemplate),
}

// A valid fixture is a document the SDK accepts, not only its schema:
// integrators copy them. Every schema of a document names its reader
// here; definitions-only schemas have none.
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
		if !f.Valid || !ok {
			continue
		}
		doc, err := fs.ReadFile(fixturesFS, f.File)
		require.NoError(t, err)
		assert.NoError(t, read(doc), f.File)
	}
}
