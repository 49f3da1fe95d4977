package sla

import (
	"maps"

	"github.com/outsourcing-go/outsourcing"
	"github.com/shopspring/decimal"
)

// amounts holds what an input's fees alone decide: the at-risk amount and
// the cap, the levels' credit amounts and reasons, and the last credits
// rounded and shared, with room to share them. A worker of EvaluateAll
// keeps its amounts from one input to the next while the fees are the
// same, so an estate billed alike computes them once, and reuses the room
// when they change; the values are immutable and the reports share them.
type amounts struct {
	fees        outsourcing.Money
	serviceFees map[string]outsourcing.Money
	fx          fixed
	credits     [][]cachedCredit // per level, per tier
	last        rounded          // the last total shareCredits rounded, when held
	shared      sharing          // the last credits shareUnits shared
	ints        []int64          // weights and parts, see weights and parts
	rems        []uint64         // remainders, see parts
	order       []int
}

// amounts returns the amounts of in's fees: the ones kept when the fees
// are those of the input before, new ones otherwise.
func (sc *scratch) amounts(a *Agreement, in Input) (*amounts, error) {
	am := sc.am
	if am != nil && sameMoney(am.fees, in.Fees) && maps.EqualFunc(am.serviceFees, in.ServiceFees, sameMoney) {
		return am, nil
	}
	fx, err := a.fixedAmounts(in.Fees)
	if err != nil {
		return nil, err
	}
	if am == nil {
		am = &amounts{}
		sc.am = am
	}
	am.fees, am.serviceFees, am.fx, am.last = in.Fees, maps.Clone(in.ServiceFees), fx, rounded{}
	for _, c := range am.credits {
		clear(c)
	}
	return am, nil
}

// sameMoney reports whether x and y are the same amount, written with the
// same decimals, in the same currency: amounts computed from them are
// the same, digit for digit.
func sameMoney(x, y outsourcing.Money) bool {
	a, b := x.Amount().Shopspring(), y.Amount().Shopspring()
	return x.Currency() == y.Currency() && a.Exponent() == b.Exponent() && a.Equal(b)
}

// cachedCredit is a credit amount and its reason, see
// Agreement.cachedCredit.
type cachedCredit struct {
	done   bool
	amount decimal.Decimal
	why    string
	times  *decimal.Decimal // amount × the repeat multiplier, once computed
}

// repeated returns the amount times the repeat multiplier m, computed once.
func (c *cachedCredit) repeated(m outsourcing.Decimal) decimal.Decimal {
	if c.times == nil {
		v := c.amount.Mul(m.Shopspring())
		c.times = &v
	}
	return *c.times
}

// rounded remembers the last total rounded by shareCredits: most periods
// with a credit owe the same one. The total is n·10^exp when fixed, total
// otherwise.
type rounded struct {
	held, fixed       bool
	n                 int64
	exp               int32
	total             decimal.Decimal
	uncapped, credits outsourcing.Money
}

// same reports whether r and o hold the same total.
func (r *rounded) same(o rounded) bool {
	if r.fixed && o.fixed {
		return r.n == o.n && r.exp == o.exp
	}
	return r.sum().Equal(o.sum())
}

// positive reports whether the total is above zero.
func (r *rounded) positive() bool {
	if r.fixed {
		return r.n > 0
	}
	return r.total.IsPositive()
}

// sum is the total as a decimal.
func (r *rounded) sum() decimal.Decimal {
	if r.fixed {
		return decimal.New(r.n, r.exp)
	}
	return r.total
}

// weights returns scratch room for n fixed-point weights.
func (am *amounts) weights(n int) []int64 {
	if cap(am.ints) < 2*n {
		am.ints = make([]int64, 2*n)
	}
	return am.ints[:n]
}

// parts returns scratch room for n allocated parts, their remainders and
// their order.
func (am *amounts) parts(n int) ([]int64, []uint64, []int) {
	if cap(am.rems) < n {
		am.rems, am.order = make([]uint64, n), make([]int, n)
	}
	return am.ints[n : 2*n], am.rems[:n], am.order[:n]
}
