package outsourcing_test

import (
	"go/build"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/outsourcing-go/outsourcing"

// allowedImports is the dependency direction of DESIGN.md: the root is the
// shared kernel and imports no package of the module; rules builds on the
// root, every domain package on both, and only the layers named here.
var allowedImports = map[string][]string{
	".":           {},
	"rules":       {"."},
	"finance":     {"."},
	"planning":    {".", "rules", "finance"},
	"scoring":     {".", "rules"},
	"vendors":     {".", "rules", "scoring"},
	"sla":         {".", "rules"},
	"contract":    {".", "rules", "sla", "vendors"},
	"termination": {".", "rules", "finance", "planning", "sla", "contract", "vendors"},
	"risk":        {".", "rules", "finance", "planning"},
}

func TestDependencyDirection(t *testing.T) {
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "schema") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if err != nil {
			return nil // a folder without Go files
		}
		rel := filepath.ToSlash(path)
		if strings.HasPrefix(rel, "examples/") || strings.HasPrefix(rel, "internal/") {
			return nil // end-to-end programs and internal helpers may import anything
		}
		seen[rel] = true
		allowed, known := allowedImports[rel]
		require.True(t, known, "package %s is not in the dependency map of DESIGN.md", rel)
		for _, imp := range slices.Concat(pkg.Imports, pkg.TestImports, pkg.XTestImports) {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			target := strings.TrimPrefix(strings.TrimPrefix(imp, module), "/")
			if target == "" {
				target = "."
			}
			if target == rel {
				continue // a package's external tests import the package
			}
			assert.True(t, slices.Contains(allowed, target) || strings.HasPrefix(target, "internal"),
				"%s imports %s, against the dependency direction", rel, target)
		}
		return nil
	})
	require.NoError(t, err)
	for pkg := range allowedImports {
		assert.True(t, seen[pkg], "package %s is missing", pkg)
	}
	_, err = os.Stat("vendor")
	assert.True(t, os.IsNotExist(err), "a top-level vendor/ folder breaks every go build; the package is vendors/")
}
