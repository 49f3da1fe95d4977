// Command exit terminates a sample infrastructure outsourcing contract
// (embedded JSON) for repeated service-level failure, as an ERP
// integration would (Handbook §7):
//
//	§7.1  assess the situation with the shipped termination triggers:
//	      the SLA breach signal and the months with credits at the cap
//	§7.2  generate the exit plan from the contract's exit schedule and
//	      settle the final fees in a ledger whose lines sum exactly
//	§7.3  record the handover with acceptance sign-off
//
// Run it with: go run ./examples/exit
package main

import (
	_ "embed"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/termination"
)

var (
	//go:embed data/contract.json
	contractJSON []byte
	//go:embed data/terms.json
	termsJSON []byte
	//go:embed data/context.json
	contextJSON []byte
	//go:embed data/settlement.json
	settlementJSON []byte
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	cspec, err := contract.ParseContract(contractJSON)
	if err != nil {
		return err
	}
	c, err := contract.CompileContract(cspec)
	if err != nil {
		return err
	}
	tspec, err := termination.ParseTerms(termsJSON)
	if err != nil {
		return err
	}
	terms, err := termination.CompileTerms(tspec, c)
	if err != nil {
		return err
	}

	ctx, err := termination.ParseContext(contextJSON)
	if err != nil {
		return err
	}
	a, err := termination.DefaultTriggers().Evaluate(terms, ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Termination triggers for %s at %s (§7.1)\n\n%s\n", a.Contract, a.AsOf, a.Table().Text())
	trigger, ok := a.EarliestPermitted()
	if !ok {
		return fmt.Errorf("no trigger gives a termination right")
	}

	plan, err := terms.ExitPlan(ctx.AsOf, trigger.EarliestEffective)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Exit plan (§7.2): notice %s, effective %s, assistance to %s\n\n%s\n",
		plan.Start, plan.Effective, plan.Assistance.End, plan.Table().Text())
	duties := outsourcing.Table{Header: []string{"phase", "party", "duty", "clause"}}
	for _, r := range plan.Responsibilities {
		duties.Rows = append(duties.Rows, []string{string(r.Phase), r.Party, r.Duty, r.Clause})
	}
	fmt.Fprint(w, duties.Text())

	in, err := termination.ParseSettlement(settlementJSON)
	if err != nil {
		return err
	}
	ledger, err := terms.Settle(in)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nFinal settlement on %s under %s\n\n%s", ledger.Effective, ledger.DayCount, ledger.Table().Text())

	inv := plan.Inventory()
	for _, step := range []termination.Transfer{
		{Item: "runbooks", Status: termination.TransferDelivered, On: contract.MustDate(2027, 8, 10), By: "nordops"},
		{Item: "runbooks", Status: termination.TransferAccepted, On: contract.MustDate(2027, 8, 12), By: "acme exit manager"},
		{Item: "cmdb", Status: termination.TransferDelivered, On: contract.MustDate(2027, 8, 30), By: "nordops"},
	} {
		if inv, err = inv.Record(step); err != nil {
			return err
		}
	}
	_, err = inv.Record(termination.Transfer{Item: "tape-library", Status: termination.TransferAccepted, On: contract.MustDate(2027, 9, 1), By: "acme"})
	fmt.Fprintf(w, "\nSigning off an item not in the inventory: %v\n", err)
	r := inv.Report(contract.MustDate(2027, 9, 1))
	fmt.Fprintf(w, "Handover at %s (§7.3): %d of %d accepted (%s%%)\n", r.AsOf, r.Accepted, r.Total, r.Percent)
	for _, party := range slices.Sorted(maps.Keys(r.Responsibility)) {
		fmt.Fprintf(w, "  %s is responsible for %s\n", party, strings.Join(r.Responsibility[party], ", "))
	}
	return nil
}
