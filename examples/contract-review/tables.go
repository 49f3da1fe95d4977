package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// printTable writes a table's aligned text, indented under its heading.
func printTable(w io.Writer, t outsourcing.Table) {
	for line := range strings.Lines(t.Text()) {
		fmt.Fprint(w, "  "+line)
	}
}
