package main

import (
	"strings"
	"testing"
)

// TestRun runs the program on its embedded documents and checks that it
// reaches the trigger, the plan, the ledger and the handover.
func TestRun(t *testing.T) {
	var out strings.Builder
	if err := run(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"repeated_sla_failure  repeated_sla_failure  12.2    P3M",
		"effective 2027-10-06, assistance to 2028-01-06",
		"net                                    payable by acme                                                                       8,920.00 EUR",
		`item "tape-library" is not in the inventory`,
		"1 of 6 accepted",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
