package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// fixture is one document under the fixtures directory. Its place says
// what it is checked against and the verdict it must get:
//
//	<P>/valid/*.json, <P>/invalid/*.json            the schema whose file is <P>.schema.json
//	<P>/defs/<name>/valid/*.json, …/invalid/*.json  the definition $defs/<name> of that schema
//
// A schema that only holds definitions (money.schema.json accepts any
// document) is checked through its definitions.
type fixture struct {
	// File is the fixture's slash-separated path below the fixtures directory.
	File string `json:"file"`
	// Schema is the $id checked against, with "#/$defs/<name>" for a definition.
	Schema string `json:"schema"`
	// Valid is the verdict the directory names.
	Valid bool `json:"valid"`
}

// defsDir separates a schema's path from a definition's name in a
// fixture directory.
const defsDir = "/defs/"

// listFixtures finds every fixture in root, sorted by file. A JSON file
// outside a valid/ or invalid/ directory, or one whose directory names
// no published schema or definition, is an error.
func listFixtures(root fs.FS, entries []entry) ([]fixture, error) {
	byFile := map[string]string{}
	for _, e := range entries {
		byFile[strings.TrimSuffix(e.File, schemaSuffix)] = e.ID
	}
	var out []fixture
	var problems []error
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		dir, verdict := path.Split(path.Dir(p))
		target, ok := fixtureTarget(strings.TrimSuffix(dir, "/"), byFile)
		switch {
		case path.Ext(p) != ".json" || (verdict != "valid" && verdict != "invalid"):
			problems = append(problems, fmt.Errorf("%s: not <schema path>/{valid,invalid}/*.json", p))
		case !ok:
			problems = append(problems, fmt.Errorf("%s: %s names no published schema or definition", p, dir))
		default:
			out = append(out, fixture{File: p, Schema: target, Valid: verdict == "valid"})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, errors.Join(problems...)
}

// fixtureTarget maps a fixture directory (without valid/ or invalid/) to
// the $id, or $id#/$defs/<name>, it checks.
func fixtureTarget(dir string, byFile map[string]string) (string, bool) {
	if id, ok := byFile[dir]; ok {
		return id, true
	}
	schemaPath, name, ok := strings.Cut(dir, defsDir)
	id, known := byFile[schemaPath]
	if !ok || !known || !slices.Contains(definitions(id), name) {
		return "", false
	}
	return id + "#/$defs/" + name, true
}

// definitions lists the names under a registered schema's "$defs".
func definitions(id string) []string {
	s, _ := outsourcing.SchemaByID(id)
	var doc struct {
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if s == nil || json.Unmarshal(s.Source(), &doc) != nil {
		return nil
	}
	var names []string
	for name := range doc.Defs {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// schemaFor returns the schema that checks target: a registered schema,
// or for a definition a small schema that refers to it, registered on
// first use under definitionsURL
// (…/fixtures/money/defs/decimal.schema.json for money.schema.json#/$defs/decimal).
func schemaFor(target string) (*outsourcing.Schema, error) {
	id, pointer, isDef := strings.Cut(target, "#/$defs/")
	if !isDef {
		if s, ok := outsourcing.SchemaByID(id); ok {
			return s, nil
		}
		return nil, fmt.Errorf("schema %s is not registered", id)
	}
	defID := definitionsURL + strings.TrimSuffix(strings.TrimPrefix(id, baseURL), schemaSuffix) + defsDir + pointer + schemaSuffix
	if s, ok := outsourcing.SchemaByID(defID); ok {
		return s, nil
	}
	doc, err := json.Marshal(map[string]string{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"$id":     defID,
		"$ref":    target,
	})
	if err != nil {
		return nil, err
	}
	return outsourcing.MustRegisterSchema(doc), nil
}

// verdict is the Go validator's answer for one fixture.
type verdict struct {
	fixture
	// GoValid is true when Schema.Validate accepted the document.
	GoValid bool `json:"go_valid"`
	// GoErrors lists Schema.Validate's problems as "pointer: reason".
	GoErrors []string `json:"go_errors,omitempty"`
}

// judge validates every fixture in root with the Go validator.
func judge(root fs.FS, fixtures []fixture) ([]verdict, error) {
	out := make([]verdict, 0, len(fixtures))
	for _, f := range fixtures {
		doc, err := fs.ReadFile(root, f.File)
		if err != nil {
			return nil, err
		}
		if !json.Valid(doc) {
			return nil, fmt.Errorf("%s: not well-formed JSON", f.File)
		}
		s, err := schemaFor(f.Schema)
		if err != nil {
			return nil, err
		}
		v := verdict{fixture: f, GoValid: true}
		if err := s.Validate(doc); err != nil {
			v.GoValid = false
			for _, fe := range outsourcing.FieldErrors(err) {
				v.GoErrors = append(v.GoErrors, fmt.Sprintf("%q: %s", fe.Path, fe.Reason))
			}
			if len(v.GoErrors) == 0 {
				v.GoErrors = []string{err.Error()}
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// writeVerdicts judges the fixtures in dir and writes the verdicts as
// JSON to file, for the ajv check to compare with.
func writeVerdicts(file, dir string, entries []entry) error {
	root := os.DirFS(dir)
	fixtures, err := listFixtures(root, entries)
	if err != nil {
		return err
	}
	verdicts, err := judge(root, fixtures)
	if err != nil {
		return err
	}
	doc, err := json.MarshalIndent(map[string][]verdict{"fixtures": verdicts}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(file, append(doc, '\n'), 0o644)
}
