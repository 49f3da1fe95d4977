package contract_test

import (
	"fmt"
	"testing"
)

func TestSmoke(t *testing.T) {
	c := sample(t)
	fmt.Println(c.AnnualFees(), c.TotalValue(), c.LiabilityCap())
	for _, p := range c.PaymentSchedule()[:6] {
		fmt.Println(p)
	}
}
