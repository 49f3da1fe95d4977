package contract_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCompileBadInput: each problem is a typed error at the JSON pointer
// of the offending value, the prefix "contract: " once, nothing built.
func TestCompileBadInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(s *contract.ContractSpec)
		path   string
		is     error
	}{
		{"end before start", func(s *contract.ContractSpec) { s.Term.End = contract.MustDate(2025, 12, 31) }, "/term/end", outsourcing.ErrInvalidInput},
		{"negative fee", func(s *contract.ContractSpec) { s.Pricing.Fees[0].Amount = outsourcing.MustMoney("-1.00", "EUR") },
			"/pricing/fees/0/amount", outsourcing.ErrInvalidInput},
		{"currency mismatch between price lines", func(s *contract.ContractSpec) {
			s.Pricing.RateCard[1].Price = outsourcing.MustMoney("1350.00", "USD")
		}, "/pricing/rate_card/1/price", outsourcing.ErrCurrencyMismatch},
		{"duplicate clause id", func(s *contract.ContractSpec) { s.Clauses[1].ID = "1" }, "/clauses/1/id", outsourcing.ErrInvalidInput},
		{"obligation of an unknown party", func(s *contract.ContractSpec) { s.Clauses[4].Obligations[0].Party = "nobody" },
			"/clauses/4/obligations/0/party", outsourcing.ErrNotFound},
		{"two customers", func(s *contract.ContractSpec) { s.Parties[1].Role = contract.PartyRoleCustomer }, "/parties/1/role", outsourcing.ErrInvalidInput},
		{"milestone criterion unknown", func(s *contract.ContractSpec) { s.Pricing.Milestones[0].Criteria[1] = "nope" },
			"/pricing/milestones/0/criteria/1", outsourcing.ErrNotFound},
		{"fee outside the term", func(s *contract.ContractSpec) { s.Pricing.Fees[0].Until = contract.MustDate(2030, 1, 1) },
			"/pricing/fees/0/until", outsourcing.ErrInvalidInput},
		{"sla level unknown", func(s *contract.ContractSpec) { s.SLA.Measurement[0].Level = "ghost" }, "/sla/measurement/0/level", outsourcing.ErrNotFound},
		{"sla level measured twice", func(s *contract.ContractSpec) { s.SLA.Measurement[2].Level = "dc-availability" },
			"/sla/measurement/2/level", outsourcing.ErrInvalidInput},
		{"sla level not measured", func(s *contract.ContractSpec) { s.SLA.Measurement = s.SLA.Measurement[:2] },
			"/sla/agreement/levels/2", outsourcing.ErrInvalidInput},
		{"sla measurement without a method", func(s *contract.ContractSpec) { s.SLA.Measurement[1].Method = " " },
			"/sla/measurement/1/method", outsourcing.ErrInvalidInput},
		{"no currency", func(s *contract.ContractSpec) { s.Currency = "" }, "/currency", outsourcing.ErrInvalidInput},
		{"negative recurrence", func(s *contract.ContractSpec) { s.Clauses[4].Obligations[0].Every = contract.Months(-1) },
			"/clauses/4/obligations/0/every", outsourcing.ErrInvalidInput},
		{"negative notice", func(s *contract.ContractSpec) { s.Term.Notice = contract.Days(-5) }, "/term/notice", outsourcing.ErrInvalidInput},
		{"sla agreement invalid", func(s *contract.ContractSpec) {
			s.SLA.Agreement.Levels[0].Credit.Allocation = outsourcing.MustPercent("250")
		},
			"/sla/agreement/credits/pool_limit", outsourcing.ErrInvalidInput},
		{"transition dependency unknown", func(s *contract.ContractSpec) { s.Transition.Milestones[1].DependsOn[0] = "x" },
			"/transition/milestones/1/depends_on/0", outsourcing.ErrNotFound},
		{"shared risk above 100", func(s *contract.ContractSpec) {
			s.Liability.RiskSharing[1].ProviderShare = outsourcing.MustPercent("120")
		}, "/liability/risk_sharing/1/provider_share", outsourcing.ErrInvalidInput},
		{"signing limit in another currency", func(s *contract.ContractSpec) {
			s.Parties[0].Signatories[1].Limit = outsourcing.MustMoney("1", "CHF")
		}, "/parties/0/signatories/1/limit", outsourcing.ErrCurrencyMismatch},
		{"sign-off role no customer signatory holds", func(s *contract.ContractSpec) { s.Acceptance[2].SignOffBy = []string{"service owner", "CFO"} },
			"/acceptance/2/sign_off_by/1", outsourcing.ErrNotFound},
		{"sign-off role of the provider", func(s *contract.ContractSpec) { s.Acceptance[0].SignOffBy = []string{"Managing Director"} },
			"/acceptance/0/sign_off_by/0", outsourcing.ErrNotFound},
		{"sign-off role named twice", func(s *contract.ContractSpec) { s.Acceptance[2].SignOffBy = []string{"service owner", "Service Owner"} },
			"/acceptance/2/sign_off_by/1", outsourcing.ErrInvalidInput},
		{"blank sign-off role", func(s *contract.ContractSpec) { s.Acceptance[2].SignOffBy = []string{" "} },
			"/acceptance/2/sign_off_by/0", outsourcing.ErrInvalidInput},
		// ids given twice and unknown references, each at its pointer
		{"duplicate party id", func(s *contract.ContractSpec) { s.Parties[1].ID = "acme" }, "/parties/1/id", outsourcing.ErrInvalidInput},
		{"duplicate signatory id", func(s *contract.ContractSpec) { s.Parties[0].Signatories[1].ID = "ceo" },
			"/parties/0/signatories/1/id", outsourcing.ErrInvalidInput},
		{"duplicate fee id", func(s *contract.ContractSpec) { s.Pricing.Fees[1].ID = "base" }, "/pricing/fees/1/id", outsourcing.ErrInvalidInput},
		{"duplicate milestone id", func(s *contract.ContractSpec) {
			s.Pricing.Milestones = append(s.Pricing.Milestones, s.Pricing.Milestones[0])
		}, "/pricing/milestones/1/id", outsourcing.ErrInvalidInput},
		{"duplicate obligation id across clauses", func(s *contract.ContractSpec) {
			s.Clauses[0].Obligations = []contract.Obligation{s.Clauses[4].Obligations[2]}
		}, "/clauses/4/obligations/2/id", outsourcing.ErrInvalidInput},
		{"duplicate criterion id", func(s *contract.ContractSpec) { s.Acceptance[1].ID = "kt-complete" }, "/acceptance/1/id", outsourcing.ErrInvalidInput},
		// before, these three compiled: a risk id given twice, and a
		// criterion or dependency named twice, which Accept listed twice
		{"duplicate transition risk id", func(s *contract.ContractSpec) { s.Transition.Risks = append(s.Transition.Risks, s.Transition.Risks[0]) },
			"/transition/risks/1/id", outsourcing.ErrInvalidInput},
		{"milestone criterion named twice", func(s *contract.ContractSpec) { s.Pricing.Milestones[0].Criteria[1] = "kt-complete" },
			"/pricing/milestones/0/criteria/1", outsourcing.ErrInvalidInput},
		{"transition criterion named twice", func(s *contract.ContractSpec) { s.Transition.Acceptance[2] = "runbooks" },
			"/transition/acceptance/2", outsourcing.ErrInvalidInput},
		{"transition dependency named twice", func(s *contract.ContractSpec) { s.Transition.Milestones[1].DependsOn[1] = "kt-servers" },
			"/transition/milestones/1/depends_on/1", outsourcing.ErrInvalidInput},
		{"transition acceptance unknown", func(s *contract.ContractSpec) { s.Transition.Acceptance[0] = "nope" },
			"/transition/acceptance/0", outsourcing.ErrNotFound},
		{"transition owner unknown", func(s *contract.ContractSpec) { s.Transition.Handover[0].Recipient = "nobody" },
			"/transition/handover/0/recipient", outsourcing.ErrNotFound},
		// before, a recurring obligation first due after the term's end
		// compiled and never fell due: Obligations left it out silently
		{"recurring obligation first due after the term", func(s *contract.ContractSpec) {
			s.Clauses[4].Obligations[1].Due = contract.MustDate(2029, 6, 30)
		}, "/clauses/4/obligations/1/due", outsourcing.ErrInvalidInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := sampleSpec(t)
			tc.change(&spec)
			c, err := contract.CompileContract(spec)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.ErrorIs(t, err, tc.is)
			fes := outsourcing.FieldErrors(err)
			require.NotEmpty(t, fes)
			assert.Equal(t, tc.path, fes[0].Path, err.Error())
			assert.Equal(t, 1, strings.Count(err.Error(), "contract: "), err.Error())
			assert.NotContains(t, fes[0].Reason, "sla: ")
		})
	}
}

func TestParseBadInput(t *testing.T) {
	_, err := contract.ParseContract([]byte(`{"id": "x", "titel": "typo"}`))
	require.Error(t, err)
	paths := map[string]bool{}
	for _, fe := range outsourcing.FieldErrors(err) {
		paths[fe.Path] = true
	}
	assert.True(t, paths["/titel"], err.Error())
	_, err = contract.ParseContract([]byte(`{"id": `))
	var syn *outsourcing.SyntaxError
	assert.True(t, errors.As(err, &syn))
	assert.ErrorIs(t, err, outsourcing.ErrInvalidInput)
}

// TestDocumentRoundTrip: a compiled contract's document parses back to
// the same spec, through the schema.
func TestDocumentRoundTrip(t *testing.T) {
	c := sample(t)
	spec, err := contract.ParseContract(c.Document())
	require.NoError(t, err)
	again, err := contract.CompileContract(spec)
	require.NoError(t, err)
	assert.JSONEq(t, string(c.Document()), string(again.Document()))
	assert.Empty(t, contract.Diff(c, again))
}

// TestSpecIsCopied: changing the spec after compiling, or the copy the
// contract returns, changes nothing in the contract.
func TestSpecIsCopied(t *testing.T) {
	spec := sampleSpec(t)
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)
	spec.Clauses[0].Title = "changed"
	got := c.Spec()
	got.Clauses[0].Title = "changed too"
	cl, ok := c.Clause("1")
	require.True(t, ok)
	assert.Equal(t, "Subject matter", cl.Title)
	assert.Equal(t, "Subject matter", c.Spec().Clauses[0].Title)
	p, ok := c.Party("acme")
	require.True(t, ok)
	p.Signatories[1].Roles[0] = "changed"
	again, _ := c.Party("acme")
	assert.Equal(t, []string{"service owner"}, again.Signatories[1].Roles)
}

func TestPaymentSchedule(t *testing.T) {
	c := sample(t)
	s := c.PaymentSchedule()
	fees, licences := 0, 0
	for _, p := range s {
		switch p.Ref {
		case "base":
			fees++
			assert.Equal(t, p.Period.Start, p.InvoiceDate, "in advance")
		case "licences":
			licences++
			assert.Equal(t, p.Period.End.AddDays(1), p.InvoiceDate, "in arrears")
		}
		assert.Equal(t, p.InvoiceDate.AddDays(30), p.DueDate, "net 30")
	}
	assert.Equal(t, 36, fees)
	assert.Equal(t, 12, licences)
	assert.Equal(t, "1608000.00 EUR", c.TotalValue().String()) // 36 × 40,000 + 12 × 9,000 + 60,000
}

// TestProration: a fee cut short by its end is prorated by days; "30 days
// end of month" counts from the month's last day.
func TestProration(t *testing.T) {
	spec := sampleSpec(t)
	spec.Pricing.Fees[0].Until = contract.MustDate(2026, 2, 14)
	spec.PaymentTerms = contract.PaymentTerms{Days: 30, Basis: contract.PaymentBasisEndOfMonth}
	c, err := contract.CompileContract(spec)
	require.NoError(t, err)
	var base []contract.Payment
	for _, p := range c.PaymentSchedule() {
		if p.Ref == "base" {
			base = append(base, p)
		}
	}
	require.Len(t, base, 2)
	assert.True(t, base[1].Prorated)
	assert.Equal(t, "20000.00 EUR", base[1].Amount.String()) // 14 of February's 28 days
	assert.Equal(t, "2026-03-30", base[1].DueDate.String())  // 28 February + 30 days
}
