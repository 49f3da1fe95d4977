package testkit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// AssertCoversPackage checks that every exported struct type declared in
// the package under test is one of the zero values given or held, through
// fields, slices, maps or pointers, by one of them: so a new result or
// document type cannot be left out of the lists a package hands to
// AssertResultTypes and AssertJSONTags. It reads the non-test Go files of
// the working directory (go test runs in the package's directory) and
// leaves out what is never marshalled: rule environments (expr tags),
// compiled values without exported fields, and error types.
func AssertCoversPackage(t testing.TB, zeros ...any) bool {
	t.Helper()
	declared, err := exportedStructs()
	if !assert.NoError(t, err, "reading the package source") {
		return false
	}
	reached := map[string]bool{}
	for _, z := range zeros {
		typ := reflect.TypeOf(z)
		eachStruct(typ.PkgPath(), typ, map[reflect.Type]bool{}, func(s reflect.Type) { reached[s.Name()] = true })
	}
	var missing []string
	for _, name := range declared {
		if !reached[name] {
			missing = append(missing, name)
		}
	}
	return assert.Empty(t, missing, "exported struct types no list names or holds")
}

// exportedStructs returns the names of the exported struct types the
// working directory's non-test Go files declare, sorted, without rule
// environments, opaque structs and error types.
func exportedStructs() ([]string, error) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var names []string
	errorTypes := map[string]bool{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.TypeSpec:
				if st, ok := x.Type.(*ast.StructType); ok && x.Name.IsExported() && hasExportedField(st) && !isRuleEnv(st) {
					names = append(names, x.Name.Name)
				}
			case *ast.FuncDecl:
				if x.Recv != nil && x.Name.Name == "Error" {
					errorTypes[receiverName(x.Recv.List[0].Type)] = true
				}
			}
			return true
		})
	}
	names = slices.DeleteFunc(names, func(n string) bool { return errorTypes[n] })
	slices.Sort(names)
	return names, nil
}

// isRuleEnv reports whether a struct is a rule environment (expr tags).
func isRuleEnv(st *ast.StructType) bool {
	return slices.ContainsFunc(st.Fields.List, func(f *ast.Field) bool {
		if f.Tag == nil {
			return false
		}
		_, ok := reflect.StructTag(strings.Trim(f.Tag.Value, "`")).Lookup("expr")
		return ok
	})
}

// hasExportedField reports whether a struct has an exported field.
func hasExportedField(st *ast.StructType) bool {
	return slices.ContainsFunc(st.Fields.List, func(f *ast.Field) bool {
		if len(f.Names) == 0 { // embedded: exported when its type name is
			return ast.IsExported(receiverName(f.Type))
		}
		return slices.ContainsFunc(f.Names, (*ast.Ident).IsExported)
	})
}

// receiverName returns the type name of a receiver or embedded field
// (T, *T, T[E], pkg.T).
func receiverName(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.StarExpr:
		return receiverName(x.X)
	case *ast.IndexExpr:
		return receiverName(x.X)
	case *ast.IndexListExpr:
		return receiverName(x.X)
	case *ast.SelectorExpr:
		return x.Sel.Name
	case *ast.Ident:
		return x.Name
	}
	return ""
}
