package outsourcing

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/santhosh-tekuri/jsonschema/v5"
)

// MaxDocumentSize bounds the size of a JSON document handed to a Parse
// function (16 MiB), so an untrusted payload cannot exhaust memory.
const MaxDocumentSize = 16 << 20

// Schema is a compiled JSON Schema (draft 2020-12) for one kind of document
// this module reads. It is immutable and safe for concurrent use.
type Schema struct {
	id       string
	source   []byte
	once     sync.Once
	compiled *jsonschema.Schema
	err      error
}

var schemaRegistry = struct {
	sync.RWMutex
	byID map[string]*Schema
}{byID: map[string]*Schema{}}

// MustRegisterSchema registers an embedded schema under its "$id", so
// that it and every other registered schema can "$ref" one another, and
// returns it. Packages call it from a package-level variable initialiser
// with a go:embed'ed file. The schema is compiled in memory on first use,
// when every package's schemas are registered; loading from files or the
// network is disabled, only registered schemas resolve. A source without
// an "$id", or an id registered twice, is a programming error and panics
// during initialisation.
func MustRegisterSchema(source []byte) *Schema {
	var head struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(source, &head); err != nil || head.ID == "" {
		panic(fmt.Sprintf("outsourcing: schema without a readable $id: %v", err))
	}
	schemaRegistry.Lock()
	defer schemaRegistry.Unlock()
	if _, dup := schemaRegistry.byID[head.ID]; dup {
		panic("outsourcing: schema " + head.ID + " registered twice")
	}
	s := &Schema{id: head.ID, source: slices.Clone(source)}
	schemaRegistry.byID[head.ID] = s
	return s
}

// compile builds the schema once, with every registered schema resolvable.
func (s *Schema) compile() (*jsonschema.Schema, error) {
	s.once.Do(func() {
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		c.AssertFormat = true
		c.LoadURL = func(url string) (io.ReadCloser, error) {
			return nil, fmt.Errorf("schema %s is not registered", url)
		}
		for _, other := range Schemas() {
			if err := c.AddResource(other.id, bytes.NewReader(other.source)); err != nil {
				s.err = err
				return
			}
		}
		s.compiled, s.err = c.Compile(s.id)
		if s.err != nil {
			s.err = fmt.Errorf("outsourcing: schema %s does not compile: %w", s.id, s.err)
		}
	})
	return s.compiled, s.err
}

// Schemas returns every registered schema sorted by ID: the root package's
// and those of every package of this module that the program imports. ERP
// integrations written in other languages can publish them to validate the
// same payloads.
func Schemas() []*Schema {
	schemaRegistry.RLock()
	defer schemaRegistry.RUnlock()
	out := make([]*Schema, 0, len(schemaRegistry.byID))
	for _, s := range schemaRegistry.byID {
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b *Schema) int { return cmp.Compare(a.id, b.id) })
	return out
}

// SchemaByID returns the registered schema with the given $id.
func SchemaByID(id string) (*Schema, bool) {
	schemaRegistry.RLock()
	defer schemaRegistry.RUnlock()
	s, ok := schemaRegistry.byID[id]
	return s, ok
}

// ID returns the schema's absolute "$id".
func (s *Schema) ID() string { return s.id }

// Source returns a copy of the schema's JSON text.
func (s *Schema) Source() []byte { return slices.Clone(s.source) }

// Validate checks a JSON document against the schema. Each problem is a
// *FieldError whose Path is the JSON pointer of the offending value
// ("/levels/0/target"); several are joined with errors.Join, sorted by
// path. Documents over MaxDocumentSize are rejected unread.
func (s *Schema) Validate(doc []byte) error {
	_, err := s.validate(doc)
	return err
}

func (s *Schema) validate(doc []byte) (any, error) {
	if len(doc) > MaxDocumentSize {
		return nil, FieldErrorf("", "document is %d bytes, more than the %d allowed", len(doc), MaxDocumentSize)
	}
	var value any
	if err := decodeJSON(doc, &value, false); err != nil {
		return nil, err
	}
	compiled, err := s.compile()
	if err != nil {
		return nil, err
	}
	err = compiled.Validate(value)
	var ve *jsonschema.ValidationError
	if errors.As(err, &ve) {
		return nil, validationProblems(ve)
	}
	if err != nil {
		return nil, &FieldError{Reason: err.Error()}
	}
	return value, nil
}

// Decode validates doc against the schema, then decodes it into v with
// numbers kept exact (UseNumber) and unknown fields rejected. Nothing is
// written to v unless the document is valid.
func (s *Schema) Decode(doc []byte, v any) error {
	if _, err := s.validate(doc); err != nil {
		return err
	}
	return decodeStrict(doc, v)
}

// validationProblems flattens a validation error tree into its leaves,
// one per path and reason (a pattern and a format failing alike say the
// same).
func validationProblems(ve *jsonschema.ValidationError) error {
	var leaves []*FieldError
	expect := expectations{}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			leaves = append(leaves, leafProblems(e, expect)...)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(leaves, func(i, j int) bool { return leaves[i].Path < leaves[j].Path })
	leaves = slices.CompactFunc(leaves, func(a, b *FieldError) bool { return a.Path == b.Path && a.Reason == b.Reason })
	errs := make([]error, len(leaves))
	for i, l := range leaves {
		errs[i] = l
	}
	return errors.Join(errs...)
}

// additionalProperty matches jsonschema's message for properties the
// schema does not allow: "additionalProperties 'a', 'b' not allowed".
var additionalProperty = regexp.MustCompile(`'((?:[^'\\]|\\.)*)'`)

// leafProblems turns one validation failure into FieldErrors. An unknown
// property is reported at the property itself ("/rules/0/weight"), one
// error per property, not at the object that holds it; a failed pattern
// or format says what is expected (expectations.reason).
func leafProblems(e *jsonschema.ValidationError, expect expectations) []*FieldError {
	if !strings.HasPrefix(e.Message, "additionalProperties ") {
		return []*FieldError{{Path: e.InstanceLocation, Reason: expect.reason(e)}}
	}
	var out []*FieldError
	for _, m := range additionalProperty.FindAllStringSubmatch(e.Message, -1) {
		out = append(out, &FieldError{Path: e.InstanceLocation + "/" + jsonptr.Escape(m[1]), Reason: "unknown property"})
	}
	if len(out) == 0 {
		out = append(out, &FieldError{Path: e.InstanceLocation, Reason: e.Message})
	}
	return out
}
