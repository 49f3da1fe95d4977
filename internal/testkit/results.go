package testkit

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// AssertResultTypes checks the exported result types of a package, given
// as zero values: AssertJSONTags holds for them, and each zero value
// marshals to JSON without error, so a result with zero-valued Money
// fields (Money{}, "no amount") can always be written. It returns whether
// every check held.
func AssertResultTypes(t testing.TB, zeros ...any) bool {
	t.Helper()
	ok := AssertJSONTags(t, zeros...)
	for _, z := range zeros {
		_, err := json.Marshal(z)
		ok = assert.NoError(t, err, "the zero %s marshals", reflect.TypeOf(z)) && ok
	}
	return ok
}

// AssertJSONTags checks the exported types of a package, given as zero
// values: every exported field of each type, and of the struct types of
// the same package they contain, has an explicit snake_case JSON name (or
// "-"). Documents whose zero value is not a valid document (a required
// enum, a currency) are checked with it instead of AssertResultTypes.
func AssertJSONTags(t testing.TB, zeros ...any) bool {
	t.Helper()
	ok := true
	seen := map[reflect.Type]bool{}
	for _, z := range zeros {
		typ := reflect.TypeOf(z)
		eachStruct(typ.PkgPath(), typ, seen, func(s reflect.Type) {
			for _, f := range reflect.VisibleFields(s) {
				if !f.IsExported() || len(f.Index) > 1 {
					continue // unexported, or promoted from an embedded struct checked on its own
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name != "-" && !(f.Anonymous && name == "") { // an embedded struct's fields are inlined
					ok = assert.Regexp(t, snakeCase, name, "%s.%s needs a snake_case json tag", s.Name(), f.Name) && ok
				}
			}
		})
	}
	return ok
}

// eachStruct calls visit for typ, when it is a struct type of package
// pkg, and for every struct type of pkg it holds through fields, slices,
// arrays, maps and pointers, each once (seen records them).
func eachStruct(pkg string, typ reflect.Type, seen map[reflect.Type]bool, visit func(reflect.Type)) {
	for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
		typ = typ.Elem()
	}
	if typ.Kind() != reflect.Struct || typ.PkgPath() != pkg || seen[typ] {
		return
	}
	seen[typ] = true
	visit(typ)
	for _, f := range reflect.VisibleFields(typ) {
		if f.IsExported() && len(f.Index) == 1 {
			eachStruct(pkg, f.Type, seen, visit)
		}
	}
}

// AssertSnakeCaseKeys checks that every object key of a JSON document is
// snake_case, for results marshalled from real values (custom marshallers
// included). Keys of maps whose names come from the caller's own data
// (ids) are checked too, so use ids that are snake_case.
func AssertSnakeCaseKeys(t testing.TB, doc []byte, what string) bool {
	t.Helper()
	var v any
	if !assert.NoError(t, json.Unmarshal(doc, &v), what) {
		return false
	}
	ok := true
	var walk func(any, string)
	walk = func(v any, at string) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				ok = assert.Regexp(t, snakeCase, k, "%s: key at %s", what, at) && ok
				walk(e, at+"/"+k)
			}
		case []any:
			for _, e := range x {
				walk(e, at+"/*")
			}
		}
	}
	walk(v, "")
	return ok
}
