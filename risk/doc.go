// Package risk manages the risks of an IT outsourcing engagement: a risk
// register with review discipline, configurable likelihood × impact
// matrices, treatment policies as rules, and FAIR-style Monte Carlo
// quantification with exact money results.
//
// It serves the handbook's chapter 5 — identification and classification
// in eight categories (Handbook §5.1), assessment on likelihood × impact
// and the choice of avoid, transfer, mitigate or accept with contingency
// plans and drills (§5.2), periodic quarterly or half-yearly review
// (§5.3) — and the initial risk identification of feasibility studies
// with their risk-adjusted business case (§1.2).
//
// # Matrices
//
// A MatrixSpec has a likelihood axis (rows) and an impact axis (columns)
// of any size, risk levels, and one of a lookup table, a built-in score
// formula (L×I, L+I, max) or a score expression in the kernel's rule
// language over ScoreEnv (`likelihood + 2 * impact`,
// `likelihood_rank * impact_rank`), the last two with level bands, plus
// appetite and tolerance levels that put every cell in a Zone. ParseMatrix
// validates a JSON document and decodes it into a MatrixSpec; NewMatrix
// compiles a spec, scoring every cell once. A score expression that does
// not compile or fails is an error naming the matrix that matches
// outsourcing.ErrRule. A cell's level is a Level, the matrix's own scale,
// and carries its place on NIST SP 800-30's five levels
// (Evaluation.NIST). Presets reproduce published tables cell for cell:
// NISTRiskMatrix (NIST SP 800-30 Rev. 1 Table I-2), NISTLikelihoodMatrix
// (Table G-5), NISTScale (the semi-quantitative 0–100 scale), OWASPMatrix
// with OWASPRate (OWASP Risk Rating Methodology: factor averaging and the
// severity matrix), and Classic5x5 (NPSA 2008).
//
// # Register
//
// A Register holds Risks: category, cause and consequence, owner, linked
// vendors and contracts, status, inherent rating, controls with their
// effectiveness, treatment (with its ISO 31000 / ISO 27005 names), an
// optional re-rating, a contingency plan with drills, an assessment
// history and an optional loss Scenario. Assess rates every risk at asOf
// (by its latest assessment by then, with the previous one and the trend,
// when it has a history), derives the residual rating from the controls'
// combined effectiveness 1 − Π(1 − eᵢ) (Matrix.Residual) and lists the
// reviews and drills due or overdue at asOf. Matrix.HeatMap counts risks per cell, inherent and
// residual, and renders as text or SVG.
//
// # Overall risk
//
// Assess also works out the register's overall risk (Report.Overall): the
// highest residual level among the risks that are not closed, mapped onto
// NIST SP 800-30's five levels by Matrix.NISTLevel — the levels'
// nist_level when the matrix sets them (the presets do: NIST 1:1, OWASP
// Note…Critical 1:1, the 5×5's Low, Moderate, High, Extreme onto low,
// moderate, high, very high), else level r of k onto ⌈5r/k⌉. OverallLevel
// returns it as an outsourcing.RiskLevel for planning.SourcingInputs.Risk
// (Handbook §1.3); its doc comment gives the reasoning.
//
// # Treatment policies
//
// A Policy is a set of kernel rules (rules.Rule, expr language)
// over PolicyEnv that must hold for every risk, such as "beyond tolerance
// a risk is mitigated or transferred and has a contingency plan";
// Policy.Check returns the Findings, each with its rule's Description,
// which states the problem ("the periodic review is overdue").
// DefaultPolicyRules gives a starting set.
//
// # Quantification
//
// A Scenario models annual loss: Poisson event frequency (fixed or
// PERT-distributed rate), optional vulnerability, and loss magnitude
// (PERT, lognormal from a 90% interval, triangular, uniform). Simulate and
// SimulatePortfolio return the mean annual loss, standard deviation,
// percentiles, value at risk, the loss exceedance curve and the probability
// of any loss, as outsourcing.Money rounded half-even to the currency's
// minor units. Scenario.ALE gives the closed-form expectation. Runs are
// seeded and split into fixed chunks of years with their own PCG streams,
// so results are identical whatever GOMAXPROCS or SimOptions.Workers.
// Frequencies may also be a fixed count or binomial (Bernoulli), and the
// vulnerability FAIR's P(TCap > RS) (FAIRVulnerability). Scenario.Analytic
// gives the closed forms beside the simulation (loss event frequency,
// mean and standard deviation of annual loss, P(at least one loss));
// NewPERT, NewLognormal and LognormalFrom90 make the distributions
// inspectable; Summarise summarises a loss sample the caller already has.
//
// # Notebooks
//
// From plain numbers to a table: PoissonFrequency, LognormalMagnitude and
// Simulate, then Result.Text or Result.Markdown (Report renders alike) and
// Result.ExceedanceSVG, the loss exceedance curve as SVG bytes beside the
// heat map's SVG. All are pure functions.
//
// # Business case
//
// Handbook §1.2 asks for a feasibility analysis that weighs cost, benefit
// and risk together. A BusinessCaseSpec (ParseBusinessCase, schema
// BusinessCaseSchema) makes inputs of a planning TCO model uncertain —
// a cost line's amount or a percent line's share, a line's escalation, a
// transition's duration (moving the lines that follow it), the discount
// rate — as PERT, lognormal (90 % interval), triangular, uniform or
// discrete Estimates, and attaches risk Scenarios to options: yearly
// losses (a vendor failure) or an early exit whose magnitude is the exit
// cost. CompileBusinessCase checks it against a compiled planning.TCO;
// BusinessCase.Simulate draws seeded, chunked trials (deterministic for
// any number of workers) and reports per option its discounted cost and
// P(cheapest), and against the baseline the NPV of savings (mean,
// percentiles, P(savings < 0), VaR and CVaR at a stated confidence,
// histogram), the payback distribution, and each input's Spearman rank
// correlation with the savings beside planning's deterministic tornado.
// Point estimates stay exact decimals (planning.TCO.Evaluate); the
// simulation computes in float64, adding each trial's change of the cash
// flows to the exact figures, so fixed inputs give the exact figures back.
// CaseResult renders as text or Markdown tables, and
// OptionOutcome.HistogramSVG draws the NPV of savings as SVG bytes.
//
// # Usage
//
//	reg, err := risk.ParseRegister(doc)          // JSON, validated by RegisterSchema
//	m := risk.Classic5x5()                       // or a NIST or OWASP preset, or NewMatrix(spec)
//	spec, err := risk.ParseMatrix(matrixDoc)     // a MatrixSpec from JSON, for NewMatrix
//	report, err := risk.Assess(reg, m, asOf)     // ratings, residuals, reviews and drills due
//	level, err := risk.OverallLevel(report)      // outsourcing.RiskLevel for SourcingInputs.Risk
//	heat, err := m.HeatMap(reg.Risks)            // heat.Text(), heat.SVG()
//	policy, err := risk.NewPolicy(risk.DefaultPolicyRules())
//	findings, err := policy.Check(reg, m, asOf)  // broken treatment rules
//	res, err := risk.Simulate(*reg.Risks[0].Loss, risk.SimOptions{Trials: 100_000, Seed: 1})
//	spec, err := risk.ParseBusinessCase(caseDoc)  // uncertain inputs and risks of a TCO model
//	bc, err := risk.CompileBusinessCase(tco, spec) // tco from planning.CompileTCO
//	out, err := bc.Simulate(risk.CaseOptions{Trials: 10_000, Seed: 1}) // out.Text(), out.Options[1].HistogramSVG()
//
// Bad input (a rating off the scale, a matrix with holes, PERT with
// min > mode or max ≤ min, a lognormal interval with low ≥ high or ≤ 0,
// negative rates, zero trials, effectiveness outside 0–1) returns
// *outsourcing.FieldError values matching outsourcing.ErrInvalidInput (or
// ErrCurrencyMismatch, ErrLimit), joined in a stable order; nothing panics.
// Every path is an RFC 6901 JSON pointer into the caller's document or
// value ("/risks/2/controls/0/effectiveness", "/trials"); "" is the value
// itself. Reasons carry no prefix; the error an exported function returns
// starts "risk: " once.
//
// # Concurrency
//
// Matrix and Policy values are immutable and safe for concurrent use, as
// are the presets. Register, Risk and Scenario are plain values; functions
// that take them do not modify them. Simulate uses SimOptions.Workers
// goroutines internally and is safe to call concurrently. A BusinessCase
// is immutable; its Simulate is safe for concurrent use likewise.
package risk
