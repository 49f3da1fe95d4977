package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/outsourcing-go/outsourcing"
)

// docError is a problem with one input document.
type docError struct {
	name string
	err  error
}

// Error names the document, then the problem.
func (e *docError) Error() string { return e.name + ": " + e.err.Error() }

// Unwrap returns the problem.
func (e *docError) Unwrap() error { return e.err }

// printProblems writes one line per problem: the document, the JSON
// pointer of the offending value (or the line and column of malformed
// JSON) and the reason.
func printProblems(w io.Writer, err error) {
	for _, p := range outsourcing.Problems(err) {
		name := "lifecycle"
		var de *docError
		if errors.As(p, &de) {
			name, p = de.name, de.err
		}
		var se *outsourcing.SyntaxError
		if errors.As(p, &se) {
			fmt.Fprintf(w, "%s: line %d, column %d: malformed JSON: %v\n", name, se.Line, se.Column, se.Err)
			continue
		}
		fields := outsourcing.FieldErrors(p)
		if len(fields) == 0 {
			fmt.Fprintf(w, "%s: %v\n", name, p)
			continue
		}
		for _, fe := range fields {
			path := fe.Path
			if path == "" {
				path = "(whole document)"
			}
			fmt.Fprintf(w, "%s: %s: %s\n", name, path, fe.Reason)
		}
	}
}

// under reports a step's problems at the JSON pointer where the checked
// value sits in its document: the SDK locates them within the value
// ("/1/conditions"), under prefix they point into the document
// ("/departments/1/conditions"). The package prefix of the step's error
// goes with the wrapping: the document's name replaces it.
func under(prefix string, err error) error {
	fields := outsourcing.FieldErrors(err)
	if len(fields) == 0 {
		return outsourcing.AtPath(prefix, err)
	}
	moved := make([]error, len(fields))
	for i, fe := range fields {
		moved[i] = outsourcing.AtPath(prefix, fe)
	}
	return errors.Join(moved...)
}
