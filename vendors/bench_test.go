package vendors

import (
	"fmt"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/rules"
)

// BenchmarkScreen10k screens 10,000 profiles with 10 knock-out rules.
func BenchmarkScreen10k(b *testing.B) {
	asOf := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	spec := PoolSpec{Currency: "EUR", Vendors: make([]Profile, 10_000)}
	for i := range spec.Vendors {
		spec.Vendors[i] = Profile{
			ID: fmt.Sprintf("v%05d", i), Name: "Vendor", Founded: 1990 + i%30, Headcount: 50 + i%2000,
			Certifications: []Certification{
				{Standard: "ISO27001", Issued: asOf.AddDate(-2, 0, 0), Expires: asOf.AddDate(0, i%24-6, 0)},
				{Standard: "ISO9001", Issued: asOf.AddDate(-1, 0, 0), Expires: asOf.AddDate(2, 0, 0)},
			},
			Industries: []string{"banking", "retail"},
			References: []Reference{{Client: "A", CaseStudy: i%3 == 0}, {Client: "B"}},
			Locations:  []Location{{Country: "DE", Delivery: DeliveryOnshore}, {Country: "IN", Delivery: DeliveryOffshore}},
			Financials: &Financials{Year: 2024, Revenue: outsourcing.MustMoney(fmt.Sprint(1_000_000*(1+i%200)), "EUR"), NetMargin: outsourcing.MustPercent("5"), CurrentRatio: outsourcing.MustDecimal("1.3"), DebtRatio: outsourcing.MustDecimal("0.5")},
		}
	}
	pool, err := CompilePool(spec)
	if err != nil {
		b.Fatal(err)
	}
	s, err := CompileScreening(rules.SetSpec{Rules: []rules.Rule{
		{ID: "iso27001", Expression: `"ISO27001" in certifications`},
		{ID: "iso9001", Expression: `"ISO9001" in certifications`},
		{ID: "years", Expression: "years_in_business >= 5"},
		{ID: "headcount", Expression: "headcount >= 100"},
		{ID: "revenue", Expression: "has_financials && revenue >= 20000000"},
		{ID: "liquidity", Expression: "current_ratio >= 1.2"},
		{ID: "leverage", Expression: "debt_ratio <= 0.7"},
		{ID: "case_study", Expression: "case_studies >= 1 || references >= 3"},
		{ID: "banking", Expression: `"banking" in industries`},
		{ID: "litigation", Expression: "open_litigation == 0"},
	}})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Screen(pool, asOf); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate1k evaluates 1,000 vendors on 7 dimensions (one of
// them price) scored by 5 evaluators, with the weighted sum and the
// sensitivity report.
func BenchmarkEvaluate1k(b *testing.B) {
	tspec := DefaultTemplate().Spec()
	for i := range tspec.Dimensions {
		tspec.Dimensions[i].Criteria = nil
	}
	t, err := CompileTemplate(tspec)
	if err != nil {
		b.Fatal(err)
	}
	spec := EvaluationSpec{Vendors: make([]string, 1000)}
	for e := range 5 {
		spec.Evaluators = append(spec.Evaluators, Evaluator{ID: fmt.Sprint("e", e)})
	}
	for v := range spec.Vendors {
		spec.Vendors[v] = fmt.Sprintf("v%04d", v)
		spec.Bids = append(spec.Bids, BidEntry{Vendor: spec.Vendors[v], Price: outsourcing.MustMoney(fmt.Sprint(900_000+v*397%300_000), "EUR")})
		for _, c := range t.Criteria() {
			for e, ev := range spec.Evaluators {
				spec.Scores = append(spec.Scores, ScoreEntry{Evaluator: ev.ID, Vendor: spec.Vendors[v], Criterion: c, Score: outsourcing.DecimalFromInt(int64(3 + (v*7+e*3+len(c))%8))})
			}
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(t, spec); err != nil {
			b.Fatal(err)
		}
	}
}
