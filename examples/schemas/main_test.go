package main

import (
	"encoding/json"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// registered lists the module's schemas. It is taken at initialisation,
// before any test registers a schema for a definition's fixtures.
var registered, registeredErr = published()

// fixturesFS is the fixtures directory next to this file.
var fixturesFS = os.DirFS("fixtures")

// annotations are the keywords that do not constrain a document; a schema
// whose top level holds nothing else only provides definitions.
var annotations = map[string]bool{"$schema": true, "$id": true, "title": true, "description": true, "$comment": true, "$defs": true}

// targets lists what fixtures must cover for a schema: the schema itself,
// or each of its definitions when it only provides definitions (such a
// schema accepts every document, so no invalid fixture could exist).
func targets(t *testing.T, id string) []string {
	s, _ := outsourcing.SchemaByID(id)
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(s.Source(), &top), id)
	for keyword := range top {
		if !annotations[keyword] {
			return []string{id}
		}
	}
	var out []string
	for _, name := range definitions(id) {
		out = append(out, id+"#/$defs/"+name)
	}
	return out
}

// Every registered schema (or, for a definitions-only schema, every
// definition) has at least one valid and two invalid fixtures: a schema
// added later must come with its own.
func TestEverySchemaHasFixtures(t *testing.T) {
	require.NoError(t, registeredErr)
	require.NotEmpty(t, registered)
	fixtures, err := listFixtures(fixturesFS, registered)
	require.NoError(t, err)
	valid, invalid := map[string]int{}, map[string]int{}
	for _, f := range fixtures {
		if f.Valid {
			valid[f.Schema]++
		} else {
			invalid[f.Schema]++
		}
	}
	for _, e := range registered {
		for _, target := range targets(t, e.ID) {
			assert.Truef(t, valid[target] >= 1 && invalid[target] >= 2,
				"%s has %d valid and %d invalid fixtures; it needs at least 1 valid and 2 invalid (see README.md)",
				target, valid[target], invalid[target])
		}
	}
}

// The Go validator's verdict on every fixture is the one its directory
// names.
func TestGoVerdictMatchesDirectory(t *testing.T) {
	fixtures, err := listFixtures(fixturesFS, registered)
	require.NoError(t, err)
	verdicts, err := judge(fixturesFS, fixtures)
	require.NoError(t, err)
	require.Len(t, verdicts, len(fixtures))
	for _, v := range verdicts {
		if v.GoValid != v.Valid {
			t.Errorf("%s against %s: the directory says %s, Schema.Validate says %s %v",
				v.File, v.Schema, word(v.Valid), word(v.GoValid), v.GoErrors)
		}
	}
}

func word(valid bool) string {
	if valid {
		return "valid"
	}
	return "invalid"
}

// main.go imports every library package of the module, so a package
// added later publishes its schemas here without anyone remembering to.
func TestEveryPackageImported(t *testing.T) {
	file, err := parser.ParseFile(token.NewFileSet(), "main.go", nil, parser.ImportsOnly)
	require.NoError(t, err)
	imported := map[string]bool{}
	for _, spec := range file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		require.NoError(t, err)
		imported[p] = true
	}
	entries, err := os.ReadDir("../..")
	require.NoError(t, err)
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || name == "internal" || name == "examples" || name == "testdata" || strings.HasPrefix(name, ".") {
			continue
		}
		sources, err := filepath.Glob(filepath.Join("../..", name, "*.go"))
		require.NoError(t, err)
		if len(sources) > 0 {
			assert.Truef(t, imported["github.com/outsourcing-go/outsourcing/"+name], "main.go does not import package %s", name)
		}
	}
	assert.True(t, imported["github.com/outsourcing-go/outsourcing"], "main.go does not import the root package")
}

// Every schema's $id names the package that holds it: the schema of
// <package>/schema/<document>.schema.json has the $id
// <base><package>/<document>.schema.json, and the root package's shared
// schemas (money, calendar) sit at the base. Integrators find a document's
// schema where its package is.
func TestIDsFollowPackages(t *testing.T) {
	for _, e := range registered {
		dir, name := path.Split(e.File)
		source := filepath.Join("../..", filepath.FromSlash(dir), "schema", name)
		s, _ := outsourcing.SchemaByID(e.ID)
		if b, err := os.ReadFile(source); assert.NoErrorf(t, err, "%s: $id does not follow its package's folder", e.ID) {
			assert.Equalf(t, string(b), string(s.Source()), "%s is not the schema registered as %s", source, e.ID)
		}
	}
}

// No schema uses "not": a failing "not" only says "not failed" (Go) or
// "must NOT be valid" (ajv), without naming what is wrong. A property
// that must be absent is "false" under "properties" ("not allowed" at the
// property); a value that must avoid a form gets a pattern or bound with
// a description.
func TestNoNot(t *testing.T) {
	eachSchemaObject(t, func(id, at string, node map[string]any) {
		if _, ok := node["not"]; ok && !strings.HasSuffix(at, "/properties") {
			t.Errorf("%s: %s uses \"not\"", id, at)
		}
	})
}

// Every pattern and format sits beside a description: a value that
// fails one is reported with the description ("must be a calendar date,
// …"), not with a regular expression a user cannot act on.
func TestPatternsAreDescribed(t *testing.T) {
	eachSchemaObject(t, func(id, at string, node map[string]any) {
		_, pattern := node["pattern"].(string)
		_, format := node["format"].(string)
		if _, described := node["description"].(string); (pattern || format) && !described {
			t.Errorf("%s: %s has a pattern or format and no description", id, at)
		}
	})
}

// eachSchemaObject calls visit for every object of every registered
// schema, with the schema's $id and the object's JSON pointer.
func eachSchemaObject(t *testing.T, visit func(id, at string, node map[string]any)) {
	var walk func(id, at string, v any)
	walk = func(id, at string, v any) {
		switch v := v.(type) {
		case map[string]any:
			visit(id, at, v)
			for k, sub := range v {
				walk(id, at+"/"+k, sub)
			}
		case []any:
			for i, sub := range v {
				walk(id, at+"/"+strconv.Itoa(i), sub)
			}
		}
	}
	for _, e := range registered {
		s, _ := outsourcing.SchemaByID(e.ID)
		var doc any
		require.NoError(t, json.Unmarshal(s.Source(), &doc))
		walk(e.ID, "#", doc)
	}
}

// -out writes every schema at the path of its $id, index.json, and with
// -fixtures the Go verdicts.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, run(io.Discard, dir, "fixtures"))
	var index struct{ Schemas []entry }
	require.NoError(t, json.Unmarshal(readFile(t, filepath.Join(dir, "index.json")), &index))
	require.Equal(t, registered, index.Schemas)
	assert.Contains(t, index.Schemas, entry{ID: baseURL + "sla/agreement.schema.json", File: "sla/agreement.schema.json"})
	for _, e := range index.Schemas {
		s, _ := outsourcing.SchemaByID(e.ID)
		assert.JSONEq(t, string(s.Source()), string(readFile(t, filepath.Join(dir, e.File))), e.File)
	}
	fixtures, err := listFixtures(fixturesFS, registered)
	require.NoError(t, err)
	var verdicts struct{ Fixtures []verdict }
	require.NoError(t, json.Unmarshal(readFile(t, filepath.Join(dir, "verdicts.json")), &verdicts))
	assert.Len(t, verdicts.Fixtures, len(fixtures))
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return b
}

// Without -out the schemas are listed; -fixtures alone is an error.
func TestList(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(&out, "", ""))
	for _, e := range registered {
		assert.Contains(t, out.String(), e.ID)
	}
	assert.Error(t, run(io.Discard, "", "fixtures"))
}

// A fixture outside <schema>/{valid,invalid}/, or naming no schema or
// definition, is reported rather than skipped.
func TestStrayFixtures(t *testing.T) {
	doc := &fstest.MapFile{Data: []byte(`{}`)}
	root := fstest.MapFS{
		"sla/agreement/valid/a.json":        doc,
		"money/defs/decimal/invalid/b.json": doc,
		"sla/agreement/c.json":              doc,
		"sla/agreement/valid/d.txt":         doc,
		"sla/nothing/valid/e.json":          doc,
		"money/defs/nothing/valid/f.json":   doc,
	}
	fixtures, err := listFixtures(root, registered)
	assert.Equal(t, []fixture{
		{File: "money/defs/decimal/invalid/b.json", Schema: baseURL + "money.schema.json#/$defs/decimal"},
		{File: "sla/agreement/valid/a.json", Schema: baseURL + "sla/agreement.schema.json", Valid: true},
	}, fixtures)
	for _, stray := range []string{"sla/agreement/c.json", "d.txt", "e.json", "f.json"} {
		assert.ErrorContains(t, err, stray)
	}
}
