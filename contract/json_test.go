package contract_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/outsourcing-go/outsourcing/internal/testkit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)

// TestJSONKeysSnakeCase walks every exported struct type of the package
// (read from its source, so a new type cannot be forgotten) and checks
// that each exported field has an explicit snake_case json tag. Rule
// environments (expr tags) are not marshalled and are skipped.
func TestJSONKeysSnakeCase(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	checked := 0
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !ts.Name.IsExported() {
				return true
			}
			st, ok := ts.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, field := range st.Fields.List {
				var tag reflect.StructTag
				if field.Tag != nil {
					tag = reflect.StructTag(strings.Trim(field.Tag.Value, "`"))
				}
				if _, isEnv := tag.Lookup("expr"); isEnv {
					return true
				}
				for _, name := range field.Names {
					if !name.IsExported() {
						continue
					}
					key, _, _ := strings.Cut(tag.Get("json"), ",")
					assert.Truef(t, snakeCase.MatchString(key), "%s.%s: json key %q is not snake_case", ts.Name.Name, name.Name, key)
					checked++
				}
			}
			return true
		})
	}
	assert.Greater(t, checked, 150)
}

// TestOutputIgnoresDecimalGlobals: documents and results do not depend
// on shopspring/decimal's package globals.
func TestOutputIgnoresDecimalGlobals(t *testing.T) {
	c := sample(t)
	testkit.AssertGlobalsIgnored(t, func() []byte {
		return append(c.Document(), []byte(c.TotalValue().String()+c.AnnualFees().String())...)
	})
}
