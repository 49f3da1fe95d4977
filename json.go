package outsourcing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// SyntaxError reports a document that is not well-formed JSON, with the
// position of the offending byte: Line and Column (1-based, Column
// counting bytes) and Offset (0-based; the document's length when it ends
// too early). It matches
// ErrInvalidInput and unwraps to the *json.SyntaxError (or
// io.ErrUnexpectedEOF for a truncated document) that encoding/json
// returned.
type SyntaxError struct {
	// Line and Column locate the problem, 1-based.
	Line, Column int
	// Offset is the byte offset of the problem in the document.
	Offset int64
	// Err is encoding/json's error.
	Err error
}

// Error implements error as "malformed JSON at line L, column C (byte O): reason".
func (e *SyntaxError) Error() string {
	return fmt.Sprintf("malformed JSON at line %d, column %d (byte %d): %s",
		e.Line, e.Column, e.Offset, strings.TrimPrefix(e.Err.Error(), "json: "))
}

// Unwrap returns ErrInvalidInput and encoding/json's error.
func (e *SyntaxError) Unwrap() []error { return []error{ErrInvalidInput, e.Err} }

// syntaxError locates encoding/json's syntax error in doc.
func syntaxError(doc []byte, offset int64, err error) *SyntaxError {
	offset = min(max(offset, 0), int64(len(doc)))
	before := doc[:offset]
	line := bytes.Count(before, []byte{'\n'}) + 1
	column := len(before) - bytes.LastIndexByte(before, '\n')
	return &SyntaxError{Line: line, Column: column, Offset: offset, Err: err}
}

// decodeJSON decodes one JSON value from doc into v with numbers kept as
// json.Number and, when strict, unknown fields rejected; trailing data and
// a member name given twice in one object are errors. Errors are a
// *SyntaxError or a *FieldError located by JSON pointer.
func decodeJSON(doc []byte, v any, strict bool) error {
	if err := duplicateMember(doc); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if strict {
		dec.DisallowUnknownFields()
	}
	if err := dec.Decode(v); err != nil {
		return jsonError(doc, err)
	}
	if dec.More() {
		rest := doc[dec.InputOffset():]
		next := dec.InputOffset() + int64(len(rest)-len(bytes.TrimLeft(rest, " \t\r\n")))
		return syntaxError(doc, next, errors.New("unexpected data after the JSON value"))
	}
	return nil
}

// decodeStrict is decodeJSON with unknown fields rejected.
func decodeStrict(doc []byte, v any) error { return decodeJSON(doc, v, true) }

// jsonError turns an encoding/json error into a *SyntaxError or a
// *FieldError with the JSON pointer of the offending field.
func jsonError(doc []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return syntaxError(doc, syn.Offset-1, syn) // Offset counts the offending byte
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return syntaxError(doc, int64(len(doc)), err)
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		return &FieldError{Path: dottedToPointer(typeErr.Field), Reason: "cannot use a JSON " + typeErr.Value + " here", Cause: typeErr}
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &FieldError{Path: "/" + jsonptr.Escape(strings.Trim(name, `"`)), Reason: "unknown property", Cause: err}
	}
	return &FieldError{Reason: strings.TrimPrefix(err.Error(), "json: "), Cause: err}
}

// dottedToPointer turns encoding/json's dotted field path ("levels.0.minimum")
// into a JSON pointer ("/levels/0/minimum").
func dottedToPointer(field string) string {
	if field == "" {
		return ""
	}
	parts := strings.Split(field, ".")
	for i, p := range parts {
		parts[i] = jsonptr.Escape(p)
	}
	return "/" + strings.Join(parts, "/")
}
