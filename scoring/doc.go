// Package scoring is a multi-criteria decision analysis (MCDA) engine for
// vendor selection and any other choice among alternatives evaluated on
// several criteria.
//
// It serves Handbook §2.1 (initial screening: knock-out rules), §2.2 (the
// seven evaluation dimensions, with cost and quotation as one weighted
// dimension, never the only one: see ScorePrices) and §2.3 (comprehensive
// weighted scoring and ranking, with the sensitivity analysis a selection
// committee needs before negotiating with the top-ranked vendor).
//
// # Usage
//
// Build an immutable decision matrix, choose weights, score, rank:
//
//	m, err := scoring.NewMatrix(vendors, criteria, rows) // rows: one []float64 per vendor
//	m, err := scoring.NewMatrixValues(rows, types)       // or plain values: A1…, C1…
//	w, err := scoring.DirectWeights(m, []float64{30, 20, 50})
//	s, err := scoring.Score(m, w.Values, scoring.Config{Method: scoring.MethodTOPSIS})
//	ranking, err := scoring.Rank(s, scoring.RankOptions{Policy: scoring.TiePolicyAverage})
//
// Weights may come from the decision maker (DirectWeights, ROCWeights),
// from the data (EntropyWeights, StdDevWeights on min-max normalised
// values, StdDevRawWeights on raw values, CRITICWeights, MERECWeights) or
// from an AHP pairwise comparison of the criteria (NewPairwiseUpper, AHP
// by eigenvector, geometric mean or the approximate method, with the
// consistency ratio against one of several published random-index tables
// or the caller's own, and a report of the judgments to revisit; group
// judgments with AggregateJudgments and AggregatePriorities; a full
// criteria → alternatives hierarchy with SynthesizeHierarchy). Methods
// rescale weights to sum 1 unless Config.WeightsAsGiven says otherwise.
//
// Methods: WSM, WPM, WASPAS (with its λ), TOPSIS (showing its weighted
// normalised matrix and ideals, or with reference ideals), VIKOR (with
// the compromise solution) and PROMETHEE II (six preference functions);
// each follows its authors' definition, documented on the function.
// Scores records the method, normalisation and weights that produced it.
// Every method is computed so that values far from zero keep their
// digits, and a property test compares each with its textbook formula in
// 256-bit arithmetic.
//
// Before trusting a winner, check how robust it is: WeightStability gives
// each criterion's weight interval keeping the winner and the full
// ranking, RankReversalChecks runs the leave-one-out and
// add-a-dominated-alternative tests, and MonteCarlo perturbs the weights
// (seeded) to estimate each alternative's probability of ranking first.
//
// In a notebook, NewMatrixValues, Score and Rank go from plain float64
// slices to a ranking in three calls; RankingTable and SensitivityTable
// render results as aligned text or Markdown, and ScoreBarsSVG and
// WeightStabilitySVG return SVG charts as bytes for a cell to display.
//
// Tender prices are scored in exact decimal money with ScorePrices
// (proportional, linear deduction, interpolation, fixed bounds, concave
// power), and abnormally low bids are flagged for explanation.
//
// A whole evaluation can be handed in as a JSON document
// (schema/model.schema.json): ParseModel validates and decodes it into a
// ModelSpec, CompileModel checks it and builds the immutable Model, and
// Model.Evaluate screens with the knock-out rules, derives the weights,
// scores and ranks, returning a Result that serialises to JSON (snake_case
// keys) with its audit trail.
//
// # Errors
//
// Bad input returns errors matching outsourcing.ErrInvalidInput
// (*outsourcing.FieldError whose Path is an RFC 6901 JSON pointer into the
// caller's arguments, "/rows/2/1", or document,
// "/alternatives/2/values/price"; the message starts "scoring: " once),
// outsourcing.ErrCurrencyMismatch for mixed-currency bids,
// outsourcing.ErrRule for knock-out rules that do not compile, and
// outsourcing.ErrNoConvergence for an eigenvector that does not converge.
// Nothing panics on input.
//
// # Concurrency
//
// Matrix, Pairwise and Knockouts are immutable and safe for concurrent
// use; every function is pure and deterministic (Monte Carlo takes a
// seed). Returned Scores, Result and report values belong to the caller.
//
// # Performance
//
// Matrices are stored flat and row-major; WSM and TOPSIS make two
// column-wise passes without per-row allocation, and allocate a fixed
// number of slices whatever the number of criteria (about 5 ms for
// 100,000 × 20 on a 2-core machine).
package scoring
