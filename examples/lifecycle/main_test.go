package main

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runMain runs the program with args and returns its exit status, stdout
// and stderr.
func runMain(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errs strings.Builder
	code := run(args, &out, &errs)
	return code, out.String(), errs.String()
}

// The report on the embedded data: each figure below is worked by hand
// from the sample documents, not read off the program.
func TestReportFigures(t *testing.T) {
	code, out, errs := runMain(t)
	require.Equal(t, 0, code, errs)
	assert.Empty(t, errs)
	for _, want := range []string{
		// In house: staff 118,000 a month, +3.5 % (3.8 capped) in year 2
		// and +3 % in year 3: 1,416,000 + 1,465,560 + 1,509,526.80; tools
		// 12,500 × 36; hosting 41,000 × 36; 5 % of 90,000 × 36.
		"In house    6,479,086.80 EUR",
		// Outsourced: fees 112,000 × 33, dual running 171,500 × 3, 7 %
		// governance on the fees, transition 240,000, severance 180,000,
		// 4 % of 120,000 × 33, exit 150,000.
		"Outsourced  5,197,620.00 EUR",
		// 33 monthly fees of 112,000 and the 240,000 transition milestone;
		// liability cap 1.5 × 12 × 112,000.
		"value 3,936,000.00 EUR over the term (1,344,000.00 EUR a year), provider liability capped at 2,016,000.00 EUR",
		// July: 310 minutes down of 31 × 1,440 = 44,640 is 99.3056 %;
		// 1 of 4 priority 1 incidents late is 75 %: both critical levels
		// below minimum, credits at the cap, 12 % of 112,000.
		"2027-07  99.31 % BELOW MINIMUM     75.00 % BELOW MINIMUM                     13,440.00 EUR (cap)",
		// September: 260 of 43,200 minutes is 99.398 %, availability only:
		// its 60 % allocation of 13,440.
		"2027-09  99.40 % BELOW MINIMUM     100.00 % met                                     8,064.00 EUR",
		// Availability below 99.5 % in July, September, October and
		// December: 4 of the 6 months to December, the contract's
		// threshold is 3.
		"4 of the last 6 months below minimum: termination right",
		// Credits 3 × 13,440 + 8,064; July's, September's and October's
		// are deducted on the next month's invoice, December's is left.
		"34,944.00 EUR deducted, 13,440.00 EUR not yet invoiced",
		"INV-009  2027-08-01  Monthly service fee 2027-08         112,000.00 EUR  -13,440.00 EUR   98,560.00 EUR  agrees with the contract",
		// Notice on 10 January 2028, three months' notice, three months of
		// assistance after the effective date.
		"notice served 2028-01-10, service ends 2028-04-10, termination assistance until 2028-07-10",
		// April's fee refunded for 20 of 30 days, 60,000 of assistance
		// over 91 days, December's credit and 35,000 of damages:
		// −74,666.67 + 60,000 − 13,440 − 35,000.
		"Net, paid by NordOps Services AG                                                        63,106.67 EUR",
		// 15 of 24 level-months met; 5,580,000 − 5,197,620 = 382,380 is
		// 7.36 % of the plan.
		"service levels met in 62.50 % of 24 level-months",
		"382,380.00 EUR (7.36 %)",
	} {
		assert.Contains(t, out, want)
	}
	// The summary comes first and fits a screen.
	summary, _, found := strings.Cut(out, "§1 Planning")
	require.True(t, found)
	assert.LessOrEqual(t, strings.Count(summary, "\n"), 30)
	// Words a manager uses: no internal terms or padded heat-map cells.
	for _, unwanted := range []string{"row [", "closeness", "half_even", "0 Moderate", "_", "8400.0000"} {
		assert.NotContains(t, out, unwanted)
	}
}

// The register's residual ratings put the overall risk at moderate on the
// NPSA's 5×5 matrix (National Patient Safety Agency, A risk matrix for
// risk managers, 2008: scores 4–6 moderate, 8–12 high): SQ-1 likely (4) ×
// moderate (3) is 12, high, before controls; monitoring halves its
// likelihood to unlikely (2) and credits take its impact to moderate (3),
// a score of 6. With high criticality, a ready organisation and 19 %
// savings the shipped sourcing table's row critical-commodity applies:
// part of the service, onshore.
func TestSourcingRecommendation(t *testing.T) {
	_, out, _ := runMain(t)
	assert.Contains(t, out, "Overall risk of the register (highest residual risk)  moderate")
	assert.Contains(t, out, "Decision on 2026-03-02: outsource part of the service, onshore.")
}

func TestJSONHasEveryChapter(t *testing.T) {
	code, out, errs := runMain(t, "-json")
	require.Equal(t, 0, code, errs)
	var doc map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	for _, chapter := range []string{"summary", "planning", "selection", "contracting", "service", "risks",
		"change_and_escalation", "exit", "post_exit_review"} {
		assert.Contains(t, doc, chapter)
		assert.NotEqual(t, "null", string(doc[chapter]), chapter)
	}
	var rep struct {
		Summary struct {
			Stages []struct {
				Chapter  string   `json:"chapter"`
				Decision string   `json:"decision"`
				Figures  []string `json:"figures"`
			} `json:"stages"`
		} `json:"summary"`
		Exit struct {
			Ledger struct {
				Net json.RawMessage `json:"net"`
			} `json:"ledger"`
		} `json:"exit"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Len(t, rep.Summary.Stages, 8)
	assert.JSONEq(t, `{"amount": "-63106.67", "currency": "EUR"}`, string(rep.Exit.Ledger.Net))
}

// A vendor pool that breaks its schema: every problem is listed at its
// JSON pointer, nothing is printed on stdout, and the exit status is 1.
func TestBadVendorsDocument(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pool.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"id": "p", "currency": "EUR", "vendors": [
	  {"id": "a", "name": "A", "founded": "1999"},
	  {"id": "b", "name": "B", "headquarters": "Rome"}]}`), 0o644))
	code, out, errs := runMain(t, "-vendors", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, path+": /vendors/0/founded: ")
	assert.Contains(t, errs, path+": /vendors/1/headquarters: ")
}

func TestMalformedDocument(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.json")
	require.NoError(t, os.WriteFile(path, []byte("{\n \"fees\": {\"amount\": \"1\", \"currency\": \"EUR\"},\n \"outages\": [,]\n}"), 0o644))
	code, out, errs := runMain(t, "-events", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, path+": line 3, column 14: malformed JSON")
}

func TestChartsAreWellFormedSVG(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runMain(t, "-out", dir)
	require.Equal(t, 0, code, errs)
	assert.NotEmpty(t, out)
	for _, name := range []string{"heat-map.svg", "loss-exceedance.svg", "tornado.svg", "business-case.svg", "scores.svg"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err, name)
		assert.Equal(t, "svg", rootElement(t, b), name)
	}
}

// rootElement parses an XML document to its end and returns its root
// element's name.
func rootElement(t *testing.T, doc []byte) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(string(doc)))
	root := ""
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return root
		}
		require.NoError(t, err)
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
}
