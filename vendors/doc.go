// Package vendors manages the vendor life cycle of the IT Services
// Outsourcing Management Handbook, from the pool to the final evaluation:
//
//   - §2.1 sourcing and screening: vendor profiles (legal identity,
//     sources, certifications with issuer and expiry, industries,
//     references and case studies, headcount, delivery locations,
//     financials, credit rating, litigation, security and recovery
//     attestations) in a Pool; knock-out rules evaluated at a date, where an
//     expired certificate does not count, explained per vendor; the
//     selection Pipeline (long list, short list, evaluated, selected,
//     rejected) with the reason for every move.
//   - §2.2 evaluation: a Template of dimensions, sub-criteria and weights
//     (DefaultTemplate ships the handbook's seven dimensions as editable
//     JSON), a panel of evaluators scoring on a stated scale with evidence,
//     aggregation with outlier detection, price scored with a scoring price
//     formula and a warning when price alone can decide, and security or
//     any other dimension as an optional gate.
//   - §2.3 selection: ranking through package scoring (weighted sum by
//     default, TOPSIS or AHP weights on request) with the weight-sensitivity
//     report; the negotiation and clarification log; the decision with
//     approvals and rationale as an audit record.
//   - §2.1 and §5.1 third-party risk: due-diligence questionnaires scored
//     per category and overall with missing answers reported; EBIOS RM
//     stakeholder criticality and zones for an ecosystem map; tiering by an
//     editable decision table.
//   - §4.3 performance: periodic reviews with trend, satisfaction surveys
//     (CSAT, NPS), improvement plans with overdue actions; §6.4 recognition
//     records; §7.4 and §8 the final evaluation, archived, with the
//     recommendation from an editable decision table.
//
// # Usage
//
// An ERP integration hands in JSON and gets auditable records back:
//
//	spec, err := vendors.ParsePool(poolJSON)            // profiles
//	pool, err := vendors.CompilePool(spec)
//	screening, err := vendors.CompileScreening(ruleSet)  // rules.ParseSet(knockoutsJSON)
//	screened, err := screening.Screen(pool, asOf)        // short list, explained
//	eval, err := vendors.ParseEvaluation(scoresJSON)     // panel, scores, bids
//	ranked, err := vendors.Evaluate(vendors.DefaultTemplate(), eval)
//	decision, err := vendors.ParseDecision(decisionJSON) // approvals, rationale
//	record, err := vendors.Decide(ranked, decision)      // the audit record
//
// Every other document has its Parse function too: ParseQuestionnaire and
// ParseAnswers, ParseEcosystem (AssessEcosystem), ParseReviews
// (SummarizeReviews), ParseSurvey (SummarizeSurvey), ParseImprovementPlan
// (ImprovementPlan.StatusAt), ParseRecognitions (RecognitionTotal) and
// ParseFinalInput (EvaluateFinal). The tiering and recommendation rules
// are decision tables shipped as JSON (DefaultTieringTableJSON,
// DefaultRecommendationTableJSON) that CompileTiering and
// CompileRecommender compile once from an edited copy.
//
// Results people read lay out as outsourcing.Table values (Text aligned,
// Markdown): Evaluation.MatrixTable (dimension scores per vendor with the
// weights and bids), Evaluation.RankingTable (the ranking in points),
// DecisionRecord.ApprovalsTable and DecisionRecord.LogTable; amounts are
// grouped at the currency's minor unit, JSON keeps every digit.
// Evaluation.ScoreBarsSVG draws the ranking.
//
// Pipeline.Apply records the moves (ScreeningResult.Moves,
// Evaluation.Moves, DecisionRecord.Moves) so every vendor's path is
// explained.
//
// # Errors
//
// Documents are validated against their JSON Schemas (PoolSchema,
// TemplateSchema, EvaluationSchema, DecisionSchema, QuestionnaireSchema,
// AnswersSchema, EcosystemSchema, ReviewsSchema, SurveySchema,
// ImprovementPlanSchema, RecognitionsSchema, FinalInputSchema), unknown
// properties rejected; every problem is an *outsourcing.FieldError whose
// Path is a JSON pointer into the caller's document and whose reason
// names the vendor
// ("vendors: /scores/4/vendor: evaluator \"it\" scored vendor \"hooli\",
// which is not on the short list"), joined in document order, matching
// outsourcing.ErrInvalidInput, ErrNotFound, ErrCurrencyMismatch or
// ErrTransition as documented; rules that do not compile are
// *outsourcing.RuleError values. Nothing panics on input.
//
// # Concurrency
//
// Pool, Pipeline, Screening, Template, Questionnaire, Tiering and
// Recommender are immutable and safe for concurrent use; every function
// is pure and deterministic (dates come in as arguments). Scores are dimensionless
// float64 as in package scoring; prices and incentives are exact Money.
package vendors
