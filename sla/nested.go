package sla

import (
	"fmt"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/shopspring/decimal"
)

// nested checks the nested allocations (CreditTerms.Services) and links
// each allocation level to its service: the services' allocations, and
// the allocations of each service's levels, must be positive and sum to
// at most 100 %; every allocation level must name a listed service.
func (c *compiler) nested() {
	terms := c.a.spec.Credits
	for _, l := range c.a.levels {
		l.service = -1
	}
	if len(terms.Services) == 0 {
		return
	}
	if terms.PoolLimit.Points().IsPositive() {
		c.fail("/credits/pool_limit", "a pool limit applies to flat allocations; nested allocations are limited to 100%% per service")
	}
	if !terms.AtRisk.Points().IsPositive() {
		c.fail("/credits/services", "nested allocations need credits.at_risk")
	}
	index := map[string]int{}
	sum := outsourcing.DecimalFromInt(0)
	for k, s := range terms.Services {
		path := jsonptr.Join("credits", "services", k)
		if _, dup := index[s.Service]; dup {
			c.fail(jsonptr.Append(path, "service"), "service %q allocated twice", s.Service)
		}
		index[s.Service] = k
		if s.Service == "" {
			c.fail(jsonptr.Append(path, "service"), "a service name is required")
		}
		if !s.Allocation.Points().IsPositive() {
			c.fail(jsonptr.Append(path, "allocation"), "the allocation must be positive")
		}
		if sum = sum.Add(s.Allocation.Points()); sum.GreaterThan(outsourcing.DecimalFromInt(100)) {
			c.fail(jsonptr.Append(path, "allocation"), "service allocations sum to %s%%, over 100%%", sum)
		}
	}
	sums := make([]outsourcing.Decimal, len(terms.Services))
	for i, l := range c.a.levels {
		if l.kind != CreditKindAllocation {
			continue
		}
		k, ok := index[l.Service]
		switch {
		case l.Service == "":
			c.fail(jsonptr.Join("levels", i, "credit", "allocation"), "level %q: a nested allocation needs the level's service", l.ID)
			continue
		case !ok:
			c.fail(jsonptr.Join("levels", i, "service"), "level %q: service %q has no share in credits.services", l.ID, l.Service)
			continue
		}
		l.service = k
		if sums[k] = sums[k].Add(l.Credit.Allocation.Points()); sums[k].GreaterThan(outsourcing.DecimalFromInt(100)) {
			c.fail(jsonptr.Join("levels", i, "credit", "allocation"), "level %q: the allocations of service %q's levels sum to %s%%, over 100%%",
				l.ID, l.Service, sums[k])
		}
	}
}

// nestedAmounts splits the rounded at-risk amount pool over the services
// and each service's share over its allocation levels, by largest
// remainder at the currency's minor unit, an unallocated rest taking
// the part not allocated: the level amounts of a service sum exactly to
// its share, the shares to the pool. It returns each level's amount (zero
// for levels not nested), or nil without nested allocations.
func (a *Agreement) nestedAmounts(pool outsourcing.Money) ([]decimal.Decimal, []outsourcing.Money, error) {
	services := a.spec.Credits.Services
	if len(services) == 0 {
		return nil, nil, nil
	}
	ratios := make([]outsourcing.Decimal, len(services))
	for k, s := range services {
		ratios[k] = s.Allocation.Points()
	}
	shares, err := splitRest(pool, ratios)
	if err != nil {
		return nil, nil, err
	}
	out := make([]decimal.Decimal, len(a.levels))
	for k := range services {
		var idx []int
		ratios = ratios[:0]
		for i, l := range a.levels {
			if l.service == k {
				idx = append(idx, i)
				ratios = append(ratios, l.Credit.Allocation.Points())
			}
		}
		if len(idx) == 0 {
			continue
		}
		parts, err := splitRest(shares[k], ratios)
		if err != nil {
			return nil, nil, err
		}
		for j, i := range idx {
			out[i] = parts[j].Amount().Shopspring()
		}
	}
	return out, shares, nil
}

// splitRest allocates m by percents summing to at most 100, the rest to
// 100 going to a part left out of the result.
func splitRest(m outsourcing.Money, percents []outsourcing.Decimal) ([]outsourcing.Money, error) {
	rest := outsourcing.DecimalFromInt(100)
	for _, p := range percents {
		rest = rest.Sub(p)
	}
	parts, err := m.Allocate(append(percents[:len(percents):len(percents)], rest)...)
	if err != nil {
		return nil, fmt.Errorf("nested allocation: %w", err)
	}
	return parts[:len(percents)], nil
}
