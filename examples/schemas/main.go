// Command schemas publishes the JSON Schemas (draft 2020-12) of every
// document the SDK accepts, so that integrations written in other
// languages validate their payloads exactly as the Go packages do.
//
//	go run ./examples/schemas             # lists every schema's $id and file
//	go run ./examples/schemas -out DIR    # writes DIR/<path of $id> and DIR/index.json
//	go run ./examples/schemas -out DIR -fixtures examples/schemas/fixtures
//	                                      # also DIR/verdicts.json: the Go verdict per fixture
//
// A schema lands under DIR at the path of its $id below the common base
// https://outsourcing-go.github.io/schemas/, so the $refs between schemas
// resolve the same way from the files as from the published URLs. The
// fixtures/ directory holds valid and invalid documents for every schema;
// ajv/ checks them with a second validator (see README.md).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/outsourcing-go/outsourcing"

	// Every package of the module that registers (or may one day
	// register) schemas, so Schemas() lists all of them.
	_ "github.com/outsourcing-go/outsourcing/contract"
	_ "github.com/outsourcing-go/outsourcing/finance"
	_ "github.com/outsourcing-go/outsourcing/planning"
	_ "github.com/outsourcing-go/outsourcing/risk"
	_ "github.com/outsourcing-go/outsourcing/rules"
	_ "github.com/outsourcing-go/outsourcing/scoring"
	_ "github.com/outsourcing-go/outsourcing/sla"
	_ "github.com/outsourcing-go/outsourcing/termination"
	_ "github.com/outsourcing-go/outsourcing/vendors"

	// The main job's own documents (story, contract review, post-exit
	// review), published and checked like the SDK's.
	_ "github.com/outsourcing-go/outsourcing/examples/lifecycle/schema"
)

// baseURL is the common prefix of every schema's $id.
const baseURL = "https://outsourcing-go.github.io/schemas/"

// definitionsURL prefixes the $ids of the schemas this program registers
// itself to check fixtures of definitions (see schemaFor); they are not
// published.
const definitionsURL = "https://outsourcing-go.github.io/fixtures/"

// schemaSuffix ends every schema's $id and file name.
const schemaSuffix = ".schema.json"

// entry is one line of index.json: a schema's $id and its file relative
// to the output directory.
type entry struct {
	ID   string `json:"id"`
	File string `json:"file"`
}

// published lists every registered schema with its file, sorted by $id.
// An $id outside baseURL or not ending in .schema.json is an error, so a
// schema added later cannot be written somewhere unexpected.
func published() ([]entry, error) {
	var out []entry
	for _, s := range outsourcing.Schemas() {
		if strings.HasPrefix(s.ID(), definitionsURL) {
			continue
		}
		file, ok := strings.CutPrefix(s.ID(), baseURL)
		if !ok || !strings.HasSuffix(file, schemaSuffix) || path.Clean(file) != file || strings.HasPrefix(file, "../") {
			return nil, fmt.Errorf("schema %s: $id is not %s<path>%s", s.ID(), baseURL, schemaSuffix)
		}
		out = append(out, entry{ID: s.ID(), File: file})
	}
	return out, nil
}

// write stores every schema under dir at the path of its $id, and
// dir/index.json listing them.
func write(dir string, entries []entry) error {
	for _, e := range entries {
		s, _ := outsourcing.SchemaByID(e.ID)
		file := filepath.Join(dir, filepath.FromSlash(e.File))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(file, s.Source(), 0o644); err != nil {
			return err
		}
	}
	index, err := json.MarshalIndent(map[string][]entry{"schemas": entries}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "index.json"), append(index, '\n'), 0o644)
}

// run writes the schemas to dir, or lists them on w when dir is empty;
// with a fixtures directory it also writes the Go verdict for each
// fixture to dir/verdicts.json.
func run(w io.Writer, dir, fixtures string) error {
	entries, err := published()
	if err != nil {
		return err
	}
	if dir == "" && fixtures != "" {
		return fmt.Errorf("-fixtures needs -out")
	}
	if dir == "" {
		for _, e := range entries {
			fmt.Fprintf(w, "%-40s %s\n", e.File, e.ID)
		}
		return nil
	}
	if err := write(dir, entries); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote %d schemas and index.json to %s\n", len(entries), dir)
	if fixtures == "" {
		return nil
	}
	if err := writeVerdicts(filepath.Join(dir, "verdicts.json"), fixtures, entries); err != nil {
		return err
	}
	fmt.Fprintf(w, "wrote the Go verdicts for the fixtures in %s to %s\n", fixtures, filepath.Join(dir, "verdicts.json"))
	return nil
}

func main() {
	out := flag.String("out", "", "directory to write the schemas and index.json to (default: list them)")
	fixtures := flag.String("fixtures", "", "directory of valid/invalid fixtures to judge into verdicts.json (needs -out)")
	flag.Parse()
	if err := run(os.Stdout, *out, *fixtures); err != nil {
		log.Fatal(err)
	}
}
