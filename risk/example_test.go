package risk_test

import (
	"fmt"
	"time"

	"github.com/outsourcing-go/outsourcing/planning"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/risk"
)

func ExampleNISTRiskMatrix() {
	m := risk.NISTRiskMatrix()
	ev, err := m.Rate("high", "moderate") // likelihood High, impact Moderate
	if err != nil {
		panic(err)
	}
	fmt.Println(ev.Level, ev.Zone)
	// The table is not symmetric: swapping the axes changes the level.
	ev, _ = m.Rate("very_low", "high")
	fmt.Println(ev.Level)
	ev, _ = m.Rate("high", "very_low")
	fmt.Println(ev.Level)
	// Output:
	// moderate within_tolerance
	// low
	// very_low
}

func ExampleOWASPRate() {
	// OWASP's worked example.
	s, err := risk.OWASPRate(risk.OWASPFactors{
		SkillLevel: 5, Motive: 2, Opportunity: 7, Size: 1,
		EaseOfDiscovery: 3, EaseOfExploit: 6, Awareness: 9, IntrusionDetection: 2,
		LossOfConfidentiality: 9, LossOfIntegrity: 7, LossOfAvailability: 5, LossOfAccountability: 8,
		Business: &risk.OWASPBusinessFactors{FinancialDamage: 1, ReputationDamage: 2, NonCompliance: 1, PrivacyViolation: 5},
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("likelihood %.3f, technical %.2f, business %.2f: %s\n", s.Likelihood, s.TechnicalImpact, s.BusinessImpact, s.Severity.Level)
	// Output: likelihood 4.375, technical 7.25, business 2.25: low
}

func ExampleNewMatrix() {
	// A 3×3 matrix scored L + I with bands.
	axis := func(name string) risk.Axis {
		return risk.Axis{Name: name, Levels: []risk.AxisLevel{{ID: "l", Value: 1}, {ID: "m", Value: 2}, {ID: "h", Value: 3}}}
	}
	score := func(x float64) *float64 { return &x }
	m, err := risk.NewMatrix(risk.MatrixSpec{
		ID: "3x3", Likelihood: axis("Likelihood"), Impact: axis("Impact"), Formula: risk.FormulaSum,
		Levels:   []risk.LevelDef{{ID: "green", MinScore: score(2)}, {ID: "amber", MinScore: score(4)}, {ID: "red", MinScore: score(6)}},
		Appetite: "green", Tolerance: "amber",
	})
	if err != nil {
		panic(err)
	}
	ev, _ := m.Rate("h", "m")
	fmt.Println(ev.Score, ev.Level, ev.Zone)
	_, err = m.Rate("x", "m")
	fmt.Println(err)
	// Output:
	// 5 amber within_tolerance
	// risk: /likelihood: "x" is not a level of the likelihood scale
}

func ExampleParseMatrix() {
	// A 3×3 matrix from JSON whose score weighs impact double, written as
	// a rule expression and compiled once; the bands classify the score.
	spec, err := risk.ParseMatrix([]byte(`{
	  "id": "vendor-3x3",
	  "likelihood": {"name": "Likelihood", "levels": [{"id": "low", "value": 1}, {"id": "medium", "value": 2}, {"id": "high", "value": 3}]},
	  "impact": {"name": "Impact", "levels": [{"id": "low", "value": 1}, {"id": "medium", "value": 2}, {"id": "high", "value": 3}]},
	  "score_expression": "likelihood + 2 * impact",
	  "levels": [{"id": "green", "min_score": 3}, {"id": "amber", "min_score": 6}, {"id": "red", "min_score": 8}],
	  "appetite": "green", "tolerance": "amber"
	}`))
	if err != nil {
		panic(err)
	}
	m, err := risk.NewMatrix(spec)
	if err != nil {
		panic(err)
	}
	for _, c := range [][2]string{{"high", "low"}, {"low", "high"}, {"high", "high"}} {
		ev, _ := m.Rate(c[0], c[1])
		fmt.Printf("likelihood %s, impact %s: score %g, %s\n", c[0], c[1], ev.Score, ev.Level)
	}
	// A formula that does not compile is an error naming the matrix.
	spec, _ = risk.ParseMatrix([]byte(`{"id": "broken",
	  "likelihood": {"name": "L", "levels": [{"id": "a", "value": 1}, {"id": "b", "value": 2}]},
	  "impact": {"name": "I", "levels": [{"id": "a", "value": 1}, {"id": "b", "value": 2}]},
	  "score_expression": "likelihood * severity", "levels": [{"id": "all", "min_score": 0}]}`))
	_, err = risk.NewMatrix(spec)
	fmt.Println(err)
	// Output:
	// likelihood high, impact low: score 5, green
	// likelihood low, impact high: score 7, amber
	// likelihood high, impact high: score 9, red
	// risk: /score_expression: matrix "broken": score rule "score" (1:14): unknown name severity
}

func ExampleMatrix_Residual() {
	k := risk.Risk{
		Inherent: risk.Rating{Likelihood: "likely", Impact: "catastrophic"},
		Controls: []risk.Control{{ID: "mfa", Effectiveness: 0.5}, {ID: "dlp", Effectiveness: 0.4}},
	}
	res, err := risk.Classic5x5().Residual(k)
	if err != nil {
		panic(err)
	}
	fmt.Printf("combined %.2f → %s × %s = %s\n", res.LikelihoodEffectiveness, res.Evaluation.Likelihood, res.Evaluation.Impact, res.Evaluation.Level)
	// Output: combined 0.70 → unlikely × catastrophic = high
}

func exampleRegister() risk.Register {
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	return risk.Register{ID: "demo", Risks: []risk.Risk{
		{ID: "R1", Title: "Data leak at vendor", Category: risk.CategoryInformationSecurity, Owner: "CISO",
			Status: risk.StatusInTreatment, Identified: day(1, 10),
			Inherent:  risk.Rating{Likelihood: "likely", Impact: "catastrophic"},
			Controls:  []risk.Control{{ID: "C1", Effectiveness: 0.6}},
			Treatment: risk.TreatmentMitigate,
			Contingency: &risk.ContingencyPlan{Owner: "IM", Trigger: "breach", Steps: []string{"contain", "notify"},
				DrillMonths: 6, LastDrill: ptrTime(day(1, 20))}},
		{ID: "R2", Title: "Key staff leave the vendor", Category: risk.CategorySupplier,
			Status: risk.StatusOpen, Identified: day(2, 1),
			Inherent: risk.Rating{Likelihood: "possible", Impact: "major"}, Treatment: risk.TreatmentAccept},
	}}
}

func ptrTime(t time.Time) *time.Time { return &t }

func ExampleAssess() {
	rep, err := risk.Assess(exampleRegister(), risk.Classic5x5(), time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	for _, r := range rep.Risks {
		fmt.Printf("%s inherent %s, residual %s\n", r.ID, r.Inherent.Level, r.Residual.Evaluation.Level)
	}
	for _, d := range rep.Due {
		fmt.Printf("%s %s %s %s\n", d.RiskID, d.Kind, d.Date.Format("2006-01-02"), d.Status)
	}
	// Output:
	// R1 inherent extreme, residual high
	// R2 inherent high, residual high
	// R1 review 2025-04-10 overdue
	// R2 review 2025-05-01 overdue
	// R1 drill 2025-07-20 due
}

func ExampleOverallLevel() {
	rep, err := risk.Assess(exampleRegister(), risk.Classic5x5(), time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	// The highest residual level of the open risks, on NIST's five levels.
	level, err := risk.OverallLevel(rep)
	if err != nil {
		panic(err)
	}
	fmt.Println(rep.Overall.Level, rep.Overall.RiskIDs, "→ NIST", level)
	// It is the risk input of the sourcing-model recommendation.
	in := planning.SourcingInputs{Criticality: planning.CriticalityHigh, Capability: planning.ReadinessDeveloping, Risk: level}
	fmt.Println(in.Risk.Rank(), "of 5")
	// Output:
	// high [R1 R2] → NIST high
	// 4 of 5
}

func ExamplePolicy_Check() {
	policy, err := risk.NewPolicy(risk.DefaultPolicyRules())
	if err != nil {
		panic(err)
	}
	findings, err := policy.Check(exampleRegister(), risk.Classic5x5(), time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	for _, f := range findings {
		fmt.Printf("%s %s: %s\n", f.RiskID, f.Severity, f.Description)
	}
	// Output:
	// R2 medium: the risk is open and has no owner
	// R2 high: the risk is beyond tolerance and neither avoided nor mitigated or transferred with a contingency plan
	// R2 high: the risk is accepted above appetite without an approver
	// R2 critical: the risk is accepted beyond tolerance
}

// A risk re-assessed after its controls took effect: assessed at two
// dates, the register shows its rating then and the trend since the
// assessment before.
func ExampleAssess_history() {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	reg := risk.Register{ID: "reg", Risks: []risk.Risk{{
		ID: "R1", Title: "Key engineers leave the provider", Category: risk.CategorySupplier, Status: risk.StatusOpen,
		Identified: day(2025, 1, 10), Inherent: risk.Rating{Likelihood: "likely", Impact: "moderate"},
		Assessments: []risk.Assessment{
			{Date: day(2025, 2, 3), Inherent: risk.Rating{Likelihood: "almost_certain", Impact: "major"}},
			{Date: day(2025, 5, 2), Inherent: risk.Rating{Likelihood: "likely", Impact: "moderate"},
				Residual: &risk.Rating{Likelihood: "unlikely", Impact: "moderate"}, Note: "shadowing in place"},
		}}}}
	for _, asOf := range []time.Time{day(2025, 3, 1), day(2025, 6, 1)} {
		rep, err := risk.Assess(reg, risk.Classic5x5(), asOf)
		if err != nil {
			panic(err)
		}
		r := rep.Risks[0]
		fmt.Printf("%s: %s, %s", asOf.Format(time.DateOnly), r.Residual.Evaluation.Level, r.Residual.Evaluation.Zone.Label())
		if r.Previous != nil {
			fmt.Printf(", %s from %s on %s", r.Trend, r.Previous.Residual.Evaluation.Level, r.Previous.Date.Format(time.DateOnly))
		}
		fmt.Println()
	}
	// Output:
	// 2025-03-01: extreme, beyond tolerance
	// 2025-06-01: moderate, within tolerance, down from extreme on 2025-02-03
}

func ExampleMatrix_HeatMap() {
	h, err := risk.NISTRiskMatrix().HeatMap([]risk.Risk{
		{ID: "A", Inherent: risk.Rating{Likelihood: "high", Impact: "very_high"}},
		{ID: "B", Inherent: risk.Rating{Likelihood: "high", Impact: "very_high"}, Residual: &risk.Rating{Likelihood: "low", Impact: "high"}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Print(h.Text())
	// Output:
	// NIST SP 800-30 Rev. 1 Table I-2: level of risk
	//
	// Inherent risk
	// Likelihood \ Impact | Very Low   | Low        | Moderate   | High       | Very High
	// Very High           | 0 Very Low | 0 Low      | 0 Moderate | 0 High     | 0 Very High
	// High                | 0 Very Low | 0 Low      | 0 Moderate | 0 High     | 2 Very High
	// Moderate            | 0 Very Low | 0 Low      | 0 Moderate | 0 Moderate | 0 High
	// Low                 | 0 Very Low | 0 Low      | 0 Low      | 0 Low      | 0 Moderate
	// Very Low            | 0 Very Low | 0 Very Low | 0 Very Low | 0 Low      | 0 Low
	//   High × Very High: A, B
	//
	// Residual risk
	// Likelihood \ Impact | Very Low   | Low        | Moderate   | High       | Very High
	// Very High           | 0 Very Low | 0 Low      | 0 Moderate | 0 High     | 0 Very High
	// High                | 0 Very Low | 0 Low      | 0 Moderate | 0 High     | 1 Very High
	// Moderate            | 0 Very Low | 0 Low      | 0 Moderate | 0 Moderate | 0 High
	// Low                 | 0 Very Low | 0 Low      | 0 Low      | 1 Low      | 0 Moderate
	// Very Low            | 0 Very Low | 0 Very Low | 0 Very Low | 0 Low      | 0 Low
	//   High × Very High: A
	//   Low × High: B
}

func ExampleSimulate() {
	low, high := outsourcing.MustMoney("10000", "EUR"), outsourcing.MustMoney("1000000", "EUR")
	s := risk.Scenario{
		Frequency: risk.Frequency{Rate: 2}, // loss events per year
		Magnitude: risk.Magnitude{Distribution: risk.MagnitudeLognormal, Low: &low, High: &high},
	}
	ale, _ := s.ALE()
	res, err := risk.Simulate(s, risk.SimOptions{Trials: 200_000, Seed: 7})
	if err != nil {
		panic(err)
	}
	fmt.Println("analytic ALE", ale)
	diff, _ := res.Mean.Sub(ale)
	tol := res.StdDev.Amount().Float64() / 447 * 4 // 4 standard errors, √200000 ≈ 447
	fmt.Println("simulated mean within 4 standard errors:", diff.Abs().Amount().Float64() < tol)
	fmt.Printf("P(any loss) %.2f\n", res.ProbabilityOfLoss)
	// Output:
	// analytic ALE 532796.02 EUR
	// simulated mean within 4 standard errors: true
	// P(any loss) 0.86
}
