package sla_test

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestResultTypesMarshalSnakeCase walks every exported result type of the
// package, and the types they hold, and checks that each field has an
// explicit snake_case JSON name; it then marshals real results and checks
// every key.
func TestResultTypesMarshalSnakeCase(t *testing.T) {
	results := []any{sla.Report{}, sla.LevelReport{}, sla.TrendPoint{}, sla.Signal{}, sla.ErrorBudget{},
		sla.BurnRate{}, sla.BurnWindow{}, sla.Preset{}, sla.Window{}}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, where string) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice || ty.Kind() == reflect.Map {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] || !strings.HasSuffix(ty.PkgPath(), "/sla") {
			return
		}
		seen[ty] = true
		if _, custom := reflect.New(ty).Interface().(json.Marshaler); custom {
			return
		}
		for i := range ty.NumField() {
			f := ty.Field(i)
			if !f.IsExported() {
				continue
			}
			if f.Anonymous {
				walk(f.Type, where+"."+f.Name)
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			assert.True(t, snakeCase.MatchString(name), "%s.%s has JSON name %q", where, f.Name, name)
			walk(f.Type, where+"."+f.Name)
		}
	}
	for _, r := range results {
		walk(reflect.TypeOf(r), reflect.TypeOf(r).Name())
	}

	a := mustParse(t, fullAgreement)
	in, err := sla.ParseInput([]byte(fullInput))
	require.NoError(t, err)
	p := mustPeriod(t, a, at(t, "2024-04-01T00:00:00Z"))
	r, err := a.Report(in, p, nil)
	require.NoError(t, err)
	rates, err := a.BurnRates(in, "erp-up", p.End(), nil)
	require.NoError(t, err)
	for _, v := range []any{r, rates, sla.Presets(), a.MaintenanceIn(p.Start(), p.End())} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		var tree any
		require.NoError(t, json.Unmarshal(b, &tree))
		var keys func(any)
		keys = func(x any) {
			switch x := x.(type) {
			case map[string]any:
				for k, v := range x {
					assert.True(t, snakeCase.MatchString(k), "key %q in %s", k, b)
					keys(v)
				}
			case []any:
				for _, v := range x {
					keys(v)
				}
			}
		}
		keys(tree)
	}
}
