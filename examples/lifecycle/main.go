// Command lifecycle is the main job of the SDK: it walks one IT
// outsourcing engagement through the handbook's life cycle on embedded
// sample data, printing what each step decides.
//
//	§1.2  total cost of ownership: keep infrastructure operations in house
//	      or outsource them; can we manage a provider?
//	§1.3  the sourcing model the shipped decision table recommends
//	§2.1  screen the long list of vendors with a rule set
//	§2.2  score the short list on the seven dimensions, price included
//	§2.3  rank with AHP weights and TOPSIS
//	§4.2  set the governance cadence from a decision table
//	§4.3  measure the first quarter's service levels and credits
//	§5    assess the risk register, its heat map and its expected losses
//
// Every step is deterministic: the same data print the same report.
package main

import (
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing/planning"
	"github.com/outsourcing-go/outsourcing/rules"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/risk"
	"github.com/outsourcing-go/outsourcing/scoring"
	"github.com/outsourcing-go/outsourcing/sla"
)

//go:embed data
var data embed.FS

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lifecycle:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	if err := plan(w); err != nil {
		return fmt.Errorf("planning: %w", err)
	}
	winner, err := selection(w)
	if err != nil {
		return fmt.Errorf("selection: %w", err)
	}
	if err := governance(w, winner); err != nil {
		return fmt.Errorf("governance: %w", err)
	}
	if err := serviceLevels(w); err != nil {
		return fmt.Errorf("service levels: %w", err)
	}
	if err := risks(w); err != nil {
		return fmt.Errorf("risk: %w", err)
	}
	return nil
}

func heading(w io.Writer, title string) {
	fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("=", len(title)))
}

// planning compares the cost of the two sourcing options (Handbook §1.2).
func plan(w io.Writer) error {
	heading(w, "§1.2 Total cost of ownership")
	doc, err := data.ReadFile("data/tco.json")
	if err != nil {
		return err
	}
	model, err := planning.ParseTCOModel(doc)
	if err != nil {
		return err
	}
	tco, err := planning.CompileTCO(model)
	if err != nil {
		return err
	}
	r := tco.Evaluate()
	fmt.Fprintf(w, "%s, %d %ss at %s a year\n", model.Name, r.Horizon, r.Period, model.DiscountRate)
	for _, o := range r.Options {
		fmt.Fprintf(w, "  %-11s nominal %16s  present value %16s", o.ID, o.Nominal.Round(outsourcing.RoundHalfUp), o.Discounted)
		if s := o.Savings; s != nil {
			payback := "never"
			if s.Payback != nil {
				payback = s.Payback.Round(1, outsourcing.RoundHalfUp).String() + " months"
			}
			fmt.Fprintf(w, "  NPV of savings %s, payback %s", s.NPV, payback)
		}
		fmt.Fprintln(w)
	}
	savings, err := r.SavingsPercent("outsourced")
	if err != nil {
		return err
	}

	heading(w, "§1.2 Capability to manage a provider")
	checklist := planning.DefaultCapabilityChecklist()
	for i := range checklist {
		checklist[i].Score = capabilityScores[checklist[i].ID]
	}
	capability, err := planning.AssessCapability(checklist)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "readiness %s (%s%%)\n", capability.Level, capability.Score.Round(2, outsourcing.RoundHalfUp))
	for _, g := range capability.Gaps {
		fmt.Fprintf(w, "  gap: %-26s %d of %d\n", g.ItemID, g.Score, g.Target)
	}

	heading(w, "§1.3 Sourcing strategy")
	rec, err := planning.DefaultSourcingAdvisor().Recommend(planning.SourcingInputs{
		Criticality: planning.CriticalityHigh, Capability: capability.Level,
		ExpectedSavings: savings, Risk: outsourcing.RiskLevelModerate,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "expected savings %s, high criticality, moderate risk: %s, %s (row %v)\n  %s\n",
		savings, rec.Scope, rec.Location, rec.Rows, rec.Rationale)
	return nil
}

// capabilityScores is the organisation's self-assessment, 0 to 5, against
// the default checklist of Handbook §1.2.
var capabilityScores = map[string]int{
	"project-management": 4, "contract-management": 4, "supplier-relationship": 4,
	"performance-monitoring": 4, "risk-management": 3, "financial-management": 4,
	"exit-management": 2,
}

// vendorProfile is a vendor from the long list; its fields are the
// environment of the screening rules.
type vendorProfile struct {
	ID             string             `json:"id" expr:"id"`
	Name           string             `json:"name" expr:"name"`
	Years          int                `json:"years_in_business" expr:"years_in_business"`
	Headcount      int                `json:"headcount" expr:"headcount"`
	Certifications []string           `json:"certifications" expr:"certifications"`
	CreditRating   string             `json:"credit_rating" expr:"credit_rating"`
	Litigation     int                `json:"open_litigation" expr:"open_litigation"`
	Bid            outsourcing.Money  `json:"bid" expr:"bid"`
	Ratings        map[string]float64 `json:"ratings" expr:"ratings"`
}

// dimensions are the seven evaluation dimensions of Handbook §2.2.
var dimensions = []string{"qualification", "technical", "experience", "sla", "price", "security", "culture"}

// selection screens, scores and ranks the vendors (Handbook §2.1–§2.3)
// and returns the winner.
func selection(w io.Writer) (vendorProfile, error) {
	var long []vendorProfile
	if err := readJSON("data/vendors.json", &long); err != nil {
		return vendorProfile{}, err
	}
	doc, err := data.ReadFile("data/screening.rules.json")
	if err != nil {
		return vendorProfile{}, err
	}
	spec, err := rules.ParseSet(doc)
	if err != nil {
		return vendorProfile{}, err
	}
	screen, err := rules.Compile[*vendorProfile](spec.Rules, rules.RequireBool())
	if err != nil {
		return vendorProfile{}, err
	}
	heading(w, "§2.1 Screening the long list")
	var short []vendorProfile
	for i := range long {
		failing, err := screen.Failing(&long[i])
		if err != nil {
			return vendorProfile{}, err
		}
		if len(failing) == 0 {
			short = append(short, long[i])
			fmt.Fprintf(w, "  %-9s short-listed\n", long[i].ID)
			continue
		}
		fmt.Fprintf(w, "  %-9s excluded: %s\n", long[i].ID, strings.Join(failing, ", "))
	}

	heading(w, "§2.2 Price as one dimension of seven")
	bids := make([]scoring.Bid, len(short))
	for i, v := range short {
		bids[i] = scoring.Bid{ID: v.ID, Price: v.Bid}
	}
	prices, err := scoring.ScorePrices(bids, scoring.PriceRule{Formula: scoring.PriceFormulaProportional, MaxScore: outsourcing.MustDecimal("10")})
	if err != nil {
		return vendorProfile{}, err
	}
	for i, p := range prices {
		short[i].Ratings["price"] = p.Score.Float64()
		fmt.Fprintf(w, "  %-9s bid %16s  price points %s\n", p.ID, p.Price, p.Score.Round(2, outsourcing.RoundHalfUp))
	}

	heading(w, "§2.3 Weighted scoring and ranking")
	pairwise, err := scoring.NewPairwiseUpper(len(dimensions), []float64{
		1.0 / 2, 1.0 / 2, 1.0 / 3, 1.0 / 2, 1.0 / 3, 2, // qualification against the others
		1, 1, 1, 1, 3, // technical
		1, 1, 1, 3, // experience
		2, 1, 4, // sla
		1, 2, // price
		4, // security against culture
	})
	if err != nil {
		return vendorProfile{}, err
	}
	weights, err := scoring.AHP(pairwise, scoring.AHPOptions{})
	if err != nil {
		return vendorProfile{}, err
	}
	fmt.Fprintf(w, "AHP weights (consistency ratio %.3f):", weights.CR)
	for j, d := range dimensions {
		fmt.Fprintf(w, " %s %.3f", d, weights.Priorities[j])
	}
	fmt.Fprintln(w)
	lo, hi := 0.0, 10.0
	criteria := make([]scoring.Criterion, len(dimensions))
	for j, d := range dimensions {
		criteria[j] = scoring.Criterion{ID: d, Type: scoring.CriterionTypeBenefit, Unit: "points", Min: &lo, Max: &hi}
	}
	ids := make([]string, len(short))
	rows := make([][]float64, len(short))
	for i, v := range short {
		ids[i] = v.ID
		for _, d := range dimensions {
			rows[i] = append(rows[i], v.Ratings[d])
		}
	}
	matrix, err := scoring.NewMatrix(ids, criteria, rows)
	if err != nil {
		return vendorProfile{}, err
	}
	scores, err := scoring.Score(matrix, weights.Priorities, scoring.Config{Method: scoring.MethodTOPSIS})
	if err != nil {
		return vendorProfile{}, err
	}
	ranking, err := scoring.Rank(scores, scoring.RankOptions{Tolerance: 1e-9})
	if err != nil {
		return vendorProfile{}, err
	}
	for _, r := range ranking {
		fmt.Fprintf(w, "  %v. %-9s closeness %.4f\n", r.Rank, r.Alternative, r.Score)
	}
	for _, v := range short {
		if v.ID == ranking[0].Alternative {
			fmt.Fprintf(w, "Recommended for negotiation: %s\n", v.Name)
			return v, nil
		}
	}
	return vendorProfile{}, fmt.Errorf("winner %s not on the short list", ranking[0].Alternative)
}

// engagement is the environment of the governance table.
type engagement struct {
	AnnualValue outsourcing.Decimal `expr:"annual_value"`
	Criticality string              `expr:"criticality"`
}

// governance sets the meeting cadence for the engagement (Handbook §4.2, §6.2).
func governance(w io.Writer, winner vendorProfile) error {
	heading(w, "§4.2 Governance cadence")
	doc, err := data.ReadFile("data/governance.table.json")
	if err != nil {
		return err
	}
	spec, err := rules.ParseTableSpec(doc)
	if err != nil {
		return err
	}
	table, err := rules.CompileTable[engagement](spec)
	if err != nil {
		return err
	}
	annual, err := winner.Bid.Amount().Quo(outsourcing.DecimalFromInt(3), 2, outsourcing.RoundHalfUp) // a three-year bid
	if err != nil {
		return err
	}
	d, err := table.Decide(engagement{AnnualValue: outsourcing.DecimalOf(annual.Shopspring()), Criticality: "critical"})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s, %s EUR a year, critical: row %v\n", winner.Name, annual, d.Rows)
	for _, name := range []string{"operations", "service_review", "executive_review"} {
		v, _ := d.Output(name)
		fmt.Fprintf(w, "  %-17s %v\n", name, v)
	}
	return nil
}

// serviceLevels measures the first quarter of service (Handbook §3.1, §4.3).
func serviceLevels(w io.Writer) error {
	heading(w, "§4.3 First quarter of service")
	doc, err := data.ReadFile("data/agreement.json")
	if err != nil {
		return err
	}
	spec, err := sla.ParseAgreement(doc)
	if err != nil {
		return err
	}
	agreement, err := sla.CompileAgreement(spec)
	if err != nil {
		return err
	}
	var in sla.Input
	if err := readJSON("data/events.json", &in); err != nil {
		return err
	}
	loc := agreement.Location()
	periods, err := agreement.Periods(time.Date(2027, 1, 1, 0, 0, 0, 0, loc), time.Date(2027, 4, 1, 0, 0, 0, 0, loc))
	if err != nil {
		return err
	}
	reports, err := agreement.Evaluate(in, periods, nil)
	if err != nil {
		return err
	}
	for _, r := range reports {
		fmt.Fprintln(w, r.Markdown())
	}
	return nil
}

// risks assesses the engagement's risk register (Handbook §5).
func risks(w io.Writer) error {
	heading(w, "§5 Risk register")
	doc, err := data.ReadFile("data/register.json")
	if err != nil {
		return err
	}
	reg, err := risk.ParseRegister(doc)
	if err != nil {
		return err
	}
	m := risk.Classic5x5()
	asOf := time.Date(2027, 4, 1, 0, 0, 0, 0, time.UTC)
	rep, err := risk.Assess(reg, m, asOf)
	if err != nil {
		return err
	}
	for i, r := range rep.Risks {
		fmt.Fprintf(w, "  %-6s %-22s inherent %-9s residual %s\n", r.ID, reg.Risks[i].Category, r.Inherent.Level, r.Residual.Evaluation.Level)
	}
	heat, err := m.HeatMap(reg.Risks)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, heat.Text())
	var items []risk.PortfolioItem
	for _, k := range reg.Risks {
		if k.Loss != nil {
			items = append(items, risk.PortfolioItem{ID: k.ID, Scenario: *k.Loss})
		}
	}
	sim, err := risk.SimulatePortfolio(items, risk.SimOptions{Trials: 100_000, Seed: 2027})
	if err != nil {
		return err
	}
	t := sim.Total
	fmt.Fprintf(w, "Annual loss over %d simulated years: mean %s, P90 %s, P99 %s, probability of any loss %.1f%%\n",
		t.Trials, t.Mean, t.P90, t.P99, 100*t.ProbabilityOfLoss)
	return nil
}

// readJSON decodes an embedded sample file strictly.
func readJSON(name string, v any) error {
	doc, err := data.ReadFile(name)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(strings.NewReader(string(doc)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
