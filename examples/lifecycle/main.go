// Command lifecycle is the main job of the SDK: it runs one complete IT
// outsourcing engagement through the handbook's life cycle, from the
// decision to outsource to the review after the exit, and prints the report
// a procurement manager reads. The sample engagement: Acme Manufacturing
// outsources the operation of its data centre and service desk, chooses
// NordOps Services from six vendors, signs a three-year contract, and
// terminates it when the provider misses its availability minimum four
// times in the second half of the first year.
//
//	§1    objectives, total cost of ownership, the risk-adjusted business
//	      case and the sourcing recommendation
//	§2    screening and scoring the vendors, sensitivity, the decision
//	§3    contract review, approval and signature
//	§4    transition acceptance, twelve months of service levels, credits
//	      applied to invoices
//	§5    the risk register, heat map and loss exceedance
//	§3.3  a change with its supplementary agreement; §6.3 a dispute on the
//	      escalation ladder
//	§7    termination for repeated service-level failure: triggers, exit
//	      plan, settlement
//	§8    the post-exit review and the final vendor evaluation
//
// Usage:
//
//	go run ./examples/lifecycle                # the report
//	go run ./examples/lifecycle -json          # the same as one JSON document
//	go run ./examples/lifecycle -out charts    # also write the SVG charts
//	go run ./examples/lifecycle -vendors my-pool.json -events my-events.json
//
// Every input is a JSON document (embedded samples in data/); a flag named
// after the document replaces it with a file. Besides the SDK's documents,
// -story holds the days no other document carries and the service's
// criticality, -contract-review the contract policy and the departments'
// verdicts, -review the post-exit review's inputs; their schemas are in
// schema/. Changing the story means editing documents, not code. A document that is malformed
// or breaks its schema is reported with the JSON pointer of every problem
// and the program exits with status 1 without printing a report.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run parses the flags, builds the whole report in memory and writes it
// to stdout only when every step succeeded; problems go to stderr. It
// returns the exit status: 0, 1 for bad input or a failed step, 2 for bad
// flags.
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lifecycle", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "write the report as one JSON document instead of text")
	outDir := fs.String("out", "", "also write the SVG charts into this directory")
	paths := map[string]*string{}
	for _, d := range documentList() {
		paths[d.flag] = fs.String(d.flag, "", d.usage+" (default: the embedded sample data/"+d.flag+".json)")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	docs, err := readDocuments(paths)
	if err != nil {
		printProblems(stderr, err)
		return 1
	}
	rep, err := build(docs)
	if err != nil {
		printProblems(stderr, err)
		return 1
	}
	var out bytes.Buffer
	if *asJSON {
		enc := json.NewEncoder(&out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintln(stderr, "lifecycle:", err)
			return 1
		}
	} else {
		out.WriteString(rep.Text())
	}
	if *outDir != "" {
		if err := writeCharts(*outDir, rep.charts()); err != nil {
			fmt.Fprintln(stderr, "lifecycle:", err)
			return 1
		}
	}
	if _, err := stdout.Write(out.Bytes()); err != nil {
		fmt.Fprintln(stderr, "lifecycle:", err)
		return 1
	}
	return 0
}
