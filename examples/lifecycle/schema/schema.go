// Package schema holds the documents of the lifecycle example that no SDK
// package defines: the story's days and the business's judgement
// (story.schema.json), the company's contract policy and the
// departments' verdicts on the draft (contract-review.schema.json), and
// what the post-exit review needs besides the engagement's records
// (review.schema.json). Each has a JSON Schema beside this file,
// registered with the SDK's schemas so it can refer to their definitions,
// a Go type and a Parse function that validates and decodes strictly,
// as the SDK's packages read their documents.
//
// The package is separate from the program so that examples/schemas
// publishes these schemas with the SDK's and checks their fixtures.
package schema

import "github.com/outsourcing-go/outsourcing"

// decode validates doc against s and decodes it into a T, unknown
// properties rejected: the Parse functions of every document here.
func decode[T any](s *outsourcing.Schema, doc []byte) (T, error) {
	var v T
	err := s.Decode(doc, &v)
	return v, err
}
