// Command risk-register builds the risk register of an application
// maintenance outsourcing engagement (Handbook §1.2, §5), assesses it on
// the classic 5×5 matrix, prints its overall risk on NIST SP 800-30's
// scale, checks the treatment policies, prints the heat map, writes it as
// SVG when given a path, and prints a loss exceedance
// table from a Monte Carlo simulation of the quantified risks.
//
//	go run ./examples/risk-register [heatmap.svg]
package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/risk"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func eur(amount string) *outsourcing.Money {
	m := outsourcing.MustMoney(amount, "EUR")
	return &m
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// engagement is the register of a three-year application maintenance
// contract with an offshore vendor.
func engagement() risk.Register {
	lastDrill := day(2025, 2, 14)
	half := 0.5
	return risk.Register{
		ID: "AMS-2025", Name: "Application maintenance outsourcing", MatrixID: "classic-5x5",
		Review: risk.ReviewPolicy{Intervals: []risk.ReviewInterval{{Level: "extreme", Months: 1}}},
		Risks: []risk.Risk{
			{
				ID: "SEC-1", Title: "Customer data leaked from the vendor's delivery centre",
				Category: risk.CategoryInformationSecurity, Owner: "CISO", VendorIDs: []string{"V-ACME"}, ContractIDs: []string{"AMS-2025"},
				Cause: "shared accounts, unmanaged laptops", Consequence: "fines, notification costs, lost customers",
				Status: risk.StatusInTreatment, Identified: day(2025, 1, 15),
				Inherent: risk.Rating{Likelihood: "likely", Impact: "catastrophic"},
				Controls: []risk.Control{
					{ID: "IAM", Description: "named accounts, quarterly access review", Effectiveness: 0.5},
					{ID: "DLP", Description: "data loss prevention on exports", Effectiveness: 0.4},
					{ID: "IR", Description: "breach response retainer", Effectiveness: 0.3, Target: risk.ControlTargetImpact},
				},
				Treatment: risk.TreatmentMitigate, TreatmentPlan: "ISO 27001 certification of the vendor within 12 months",
				Contingency: &risk.ContingencyPlan{
					Owner: "Incident manager", Trigger: "confirmed exfiltration of personal data",
					Steps:             []string{"contain and preserve evidence", "notify the regulator within 72 h", "inform customers", "forensic review with the vendor"},
					RecoveryObjective: "containment within 24 h", RTOHours: 24, DrillMonths: 6, LastDrill: &lastDrill,
				},
				Loss: &risk.Scenario{
					Frequency: risk.Frequency{Rate: 0.4}, Vulnerability: &half,
					Magnitude: risk.Magnitude{Distribution: risk.MagnitudeLognormal, Low: eur("50000"), High: eur("2000000")},
				},
				Assessments: []risk.Assessment{
					{Date: day(2025, 1, 15), Assessor: "risk office", Inherent: risk.Rating{Likelihood: "likely", Impact: "catastrophic"}},
					{Date: day(2025, 6, 20), Assessor: "risk office", Inherent: risk.Rating{Likelihood: "likely", Impact: "catastrophic"},
						Note: "IAM and DLP live; certification audit booked"},
				},
			},
			{
				ID: "SQ-1", Title: "Availability service level missed",
				Category: risk.CategoryServiceQuality, Owner: "Service manager",
				Status: risk.StatusMonitoring, Identified: day(2025, 2, 1),
				Inherent:  risk.Rating{Likelihood: "possible", Impact: "moderate"},
				Treatment: risk.TreatmentTransfer, TreatmentPlan: "service credits, 12% of monthly charges at risk",
				Contingency: &risk.ContingencyPlan{Owner: "Service manager", Trigger: "two consecutive months below target",
					Steps: []string{"joint problem review", "improvement plan", "step-in rights"}},
				Loss: &risk.Scenario{
					Frequency: risk.Frequency{PERT: &risk.PERT{Min: 1, Mode: 3, Max: 8}},
					Magnitude: risk.Magnitude{Distribution: risk.MagnitudePERT, Min: eur("2000"), Mode: eur("10000"), Max: eur("60000")},
				},
			},
			{
				ID: "SUP-1", Title: "Vendor loses key staff", Category: risk.CategorySupplier, Owner: "Vendor manager",
				Status: risk.StatusOpen, Identified: day(2025, 3, 1),
				Inherent:  risk.Rating{Likelihood: "likely", Impact: "moderate"},
				Controls:  []risk.Control{{ID: "KT", Description: "knowledge base and shadowing", Effectiveness: 0.5}},
				Treatment: risk.TreatmentMitigate,
				Loss: &risk.Scenario{
					Frequency: risk.Frequency{Rate: 1.5},
					Magnitude: risk.Magnitude{Distribution: risk.MagnitudeTriangular, Min: eur("5000"), Mode: eur("20000"), Max: eur("80000")},
				},
			},
			{
				ID: "SUP-2", Title: "Vendor insolvency", Category: risk.CategorySupplier, Owner: "Procurement",
				Status: risk.StatusOpen, Identified: day(2025, 3, 1),
				Inherent:  risk.Rating{Likelihood: "rare", Impact: "catastrophic"},
				Treatment: risk.TreatmentAccept, Approver: "CFO",
				Loss: &risk.Scenario{
					Frequency: risk.Frequency{Rate: 0.02},
					Magnitude: risk.Magnitude{Distribution: risk.MagnitudeUniform, Min: eur("300000"), Max: eur("1200000")},
				},
			},
			{
				ID: "CON-1", Title: "Service levels not measurable as written", Category: risk.CategoryContract, Owner: "Legal",
				Status: risk.StatusOpen, Identified: day(2025, 1, 15),
				Inherent: risk.Rating{Likelihood: "possible", Impact: "minor"},
			},
			{
				ID: "COM-1", Title: "Time-zone gap slows incident escalation", Category: risk.CategoryCommunication,
				Status: risk.StatusOpen, Identified: day(2025, 4, 1),
				Inherent:  risk.Rating{Likelihood: "almost_certain", Impact: "minor"},
				Treatment: risk.TreatmentAccept,
			},
			{
				ID: "IP-1", Title: "Vendor reuses our code for other clients", Category: risk.CategoryIntellectualProperty, Owner: "Legal",
				Status: risk.StatusOpen, Identified: day(2025, 1, 15),
				Inherent:  risk.Rating{Likelihood: "unlikely", Impact: "major"},
				Residual:  &risk.Rating{Likelihood: "rare", Impact: "major"},
				Treatment: risk.TreatmentTransfer, TreatmentPlan: "IP assignment and audit clause in the contract",
				Assessments: []risk.Assessment{{Date: day(2025, 5, 30), Assessor: "legal", Inherent: risk.Rating{Likelihood: "unlikely", Impact: "major"},
					Residual: &risk.Rating{Likelihood: "rare", Impact: "major"}, Note: "clause signed"}},
				Contingency: &risk.ContingencyPlan{Owner: "Legal", Trigger: "evidence of reuse", Steps: []string{"audit", "injunction"}},
			},
		},
	}
}

func run(args []string) error {
	asOf := day(2025, 7, 1)
	reg := engagement()
	m := risk.Classic5x5()

	rep, err := risk.Assess(reg, m, asOf)
	if err != nil {
		return err
	}
	fmt.Printf("Risk register %s at %s (matrix %s)\n\n", reg.ID, asOf.Format("2006-01-02"), m.ID())
	register := outsourcing.Table{Header: []string{"id", "category", "inherent", "residual", "source", "treatment (ISO 27005)"}}
	for i, r := range rep.Risks {
		k := reg.Risks[i]
		treatment := "—"
		if k.Treatment != "" {
			treatment = fmt.Sprintf("%s (%s)", k.Treatment, k.Treatment.ISO27005())
		}
		register.Rows = append(register.Rows, []string{r.ID, string(k.Category), string(r.Inherent.Level),
			string(r.Residual.Evaluation.Level), string(r.Residual.Source), treatment})
	}
	fmt.Print(register.Text())

	level, err := risk.OverallLevel(rep)
	if err != nil {
		return err
	}
	fmt.Printf("\nOverall residual risk: %s (%s), NIST SP 800-30 level %s, the risk input of planning.SourcingInputs\n",
		rep.Overall.Level, strings.Join(rep.Overall.RiskIDs, ", "), level)

	fmt.Println("\nReviews and drills due or overdue:")
	due := outsourcing.Table{Header: []string{"risk", "what", "date", "status", "days late"}, Numeric: []bool{4: true}}
	for _, d := range rep.Due {
		due.Rows = append(due.Rows, []string{d.RiskID, string(d.Kind), d.Date.Format("2006-01-02"), string(d.Status), fmt.Sprint(d.DaysOverdue)})
	}
	fmt.Print(due.Text())

	policy, err := risk.NewPolicy(risk.DefaultPolicyRules())
	if err != nil {
		return err
	}
	findings, err := policy.Check(reg, m, asOf)
	if err != nil {
		return err
	}
	fmt.Println("\nPolicy findings:")
	found := outsourcing.Table{Header: []string{"risk", "severity", "rule", "finding"}}
	for _, f := range findings {
		found.Rows = append(found.Rows, []string{f.RiskID, string(f.Severity), f.Rule, f.Description})
	}
	fmt.Print(found.Text())

	heat, err := m.HeatMapAt(reg, asOf)
	if err != nil {
		return err
	}
	fmt.Println()
	fmt.Print(heat.Text())
	if len(args) > 0 {
		if err := os.WriteFile(args[0], []byte(heat.SVG()), 0o644); err != nil {
			return err
		}
		fmt.Println("\nheat map written to", args[0])
	}
	return lossesOf(reg)
}

// lossesOf simulates the quantified risks of the register, each and as a
// portfolio, and prints their annualised loss and the portfolio's
// summary with its loss exceedance points.
func lossesOf(reg risk.Register) error {
	var items []risk.PortfolioItem
	for _, k := range reg.Risks {
		if k.Loss != nil {
			items = append(items, risk.PortfolioItem{ID: k.ID, Scenario: *k.Loss})
		}
	}
	thresholds := []outsourcing.Money{*eur("100000"), *eur("500000"), *eur("1000000")}
	p, err := risk.SimulatePortfolio(items, risk.SimOptions{Trials: 200_000, Seed: 2025,
		SummaryOptions: risk.SummaryOptions{Thresholds: thresholds}})
	if err != nil {
		return err
	}
	fmt.Println("\nAnnualised loss by risk (200,000 simulated years):")
	losses := outsourcing.Table{Header: []string{"risk", "analytic ALE", "simulated mean", "P95", "P(loss)"},
		Numeric: []bool{false, true, true, true, true}}
	for i, r := range p.Risks {
		ale, err := items[i].Scenario.ALE()
		if err != nil {
			return err
		}
		losses.Rows = append(losses.Rows, []string{r.ID, ale.Grouped(), r.Result.Mean.Grouped(), r.Result.P95.Grouped(),
			fmt.Sprintf("%.1f%%", 100*r.Result.ProbabilityOfLoss)})
	}
	fmt.Print(losses.Text())
	fmt.Println("\nPortfolio, with its loss exceedance points:")
	fmt.Print(p.Total.Text())
	return nil
}
