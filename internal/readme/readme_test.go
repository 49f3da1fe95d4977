// Package readme_test type-checks the Go snippets of the repository's
// README.md against the SDK as it is, so the quick starts a newcomer
// copies cannot drift from the API.
package readme_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snippetContext declares what a README snippet uses without defining it,
// keyed by the snippet's first line: the function's parameters. A snippet
// not listed here fails the test, so a new one gets its context.
var snippetContext = map[string]string{
	"spec, err := vendors.ParseEvaluation(doc)": "doc []byte, template *vendors.Template, decisionSpec vendors.DecisionSpec",
	"m, err := scoring.NewMatrixValues(":        "",
	"s := risk.Scenario{":                       "",
	"type Vendor struct {":                      "v Vendor",
}

// imports are the packages snippets may use, by their package name.
var imports = []string{
	"encoding/json", "fmt", "log",
	"github.com/outsourcing-go/outsourcing",
	"github.com/outsourcing-go/outsourcing/rules",
	"github.com/outsourcing-go/outsourcing/risk",
	"github.com/outsourcing-go/outsourcing/scoring",
	"github.com/outsourcing-go/outsourcing/vendors",
}

var goBlock = regexp.MustCompile("(?s)```go\n(.*?)```")

func TestREADMESnippetsCompile(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	blocks := goBlock.FindAllStringSubmatch(string(readme), -1)
	require.NotEmpty(t, blocks)
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for _, b := range blocks {
		body := b[1]
		first, _, _ := strings.Cut(strings.TrimSpace(body), "\n")
		params, ok := contextOf(first)
		if !assert.True(t, ok, "README snippet %q needs an entry in snippetContext", first) {
			continue
		}
		src := program(body, params)
		f, err := parser.ParseFile(fset, "readme.go", src, 0)
		if !assert.NoError(t, err, "README snippet %q does not parse:\n%s", first, src) {
			continue
		}
		var hard []string
		conf := types.Config{Importer: imp, Error: func(err error) {
			if te, ok := err.(types.Error); ok && !te.Soft { // unused variables and imports are soft
				hard = append(hard, te.Msg)
			}
		}}
		_, _ = conf.Check("readme", fset, []*ast.File{f}, nil)
		assert.Empty(t, hard, "README snippet %q does not compile:\n%s", first, src)
	}
}

// contextOf finds the parameters of the snippet starting with first.
func contextOf(first string) (string, bool) {
	for prefix, params := range snippetContext {
		if strings.HasPrefix(first, prefix) {
			return params, true
		}
	}
	return "", false
}

// program wraps a snippet into a file: type declarations at the top level
// (the rules snippet declares its environment), the rest as the body of a
// function returning error, with the snippet's context as parameters.
func program(body, params string) string {
	var decls, stmts strings.Builder
	inType := false
	for line := range strings.Lines(body) {
		switch {
		case strings.HasPrefix(line, "type "):
			inType = true
			decls.WriteString(line)
		case inType:
			decls.WriteString(line)
			inType = !strings.HasPrefix(line, "}")
		default:
			stmts.WriteString(line)
		}
	}
	var src strings.Builder
	src.WriteString("package readme\n\nimport (\n")
	for _, p := range imports {
		src.WriteString("\t\"" + p + "\"\n")
	}
	src.WriteString(")\n\n" + decls.String() + "\nfunc snippet(" + params + ") error {\n" + stmts.String() + "\treturn nil\n}\n")
	return src.String()
}
