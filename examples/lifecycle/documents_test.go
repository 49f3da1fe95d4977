package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// writeDoc writes doc to a file in a temporary directory and returns its
// path.
func writeDoc(t *testing.T, name, doc string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o644))
	return path
}

// sample returns an embedded sample document with each pair of old and
// new strings replaced, failing when an old string is not in it.
func sample(t *testing.T, flag string, oldNew ...string) string {
	t.Helper()
	b, err := data.ReadFile("data/" + flag + ".json")
	require.NoError(t, err)
	doc := string(b)
	for i := 0; i < len(oldNew); i += 2 {
		require.Contains(t, doc, oldNew[i])
		doc = strings.ReplaceAll(doc, oldNew[i], oldNew[i+1])
	}
	return doc
}

// The story document sets the days no other document carries: moving the
// planning day and lowering the criticality changes the decision's day and
// the sourcing recommendation's input.
func TestStoryDocument(t *testing.T) {
	path := writeDoc(t, "story.json", sample(t, "story",
		`"planning_day": "2026-03-02T00:00:00Z"`, `"planning_day": "2026-03-16T00:00:00Z"`,
		`"criticality": "high"`, `"criticality": "low"`))
	code, out, errs := runMain(t, "-story", path)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "Decision on 2026-03-16: ")
	assert.Contains(t, out, "Business criticality                                  low")
}

// A story that breaks its schema: every problem at its pointer, nothing
// on stdout, exit status 1.
func TestBadStoryDocument(t *testing.T) {
	path := writeDoc(t, "story.json", `{"planning_day": "2026-03-02", "criticality": "vital",
	  "screening_day": "2026-05-04T00:00:00Z", "evaluation_day": "2026-06-01T00:00:00Z", "review_day": "2027-06-30T00:00:00Z"}`)
	code, out, errs := runMain(t, "-story", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	for _, pointer := range []string{"/planning_day: ", "/criticality: ", "/review_day: ", "(whole document): "} {
		assert.Contains(t, errs, path+": "+pointer)
	}
}

// The departments' verdicts are data: a department that rejects the draft
// stops the engagement at the contract, with nothing on stdout.
func TestContractReviewDocument(t *testing.T) {
	path := writeDoc(t, "contract-review.json", sample(t, "contract-review",
		`"reviewer": "CIO", "verdict": "approve"`, `"reviewer": "CIO", "verdict": "reject"`))
	code, out, errs := runMain(t, "-contract-review", path)
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "contract-review.json: the internal review did not clear the contract: rejected by [it]")
}

// A contract review that breaks its schema, and one that the schema admits
// but the clearance rejects (a department reviewing twice): each problem
// at its pointer into the document, exit status 1, nothing on stdout.
func TestBadContractReviewDocument(t *testing.T) {
	for name, c := range map[string]struct {
		doc      string
		pointers []string
	}{
		"schema": {`{"policy": {"max_payment_days": 0}, "departments": [
		  {"department": "legal", "reviewer": "general counsel", "verdict": "maybe", "at": "2026-09-08T08:00:00Z"}]}`,
			[]string{"/policy/max_payment_days: ", "/departments/0/verdict: "}},
		"clearance": {sample(t, "contract-review", `"department": "it"`, `"department": "legal"`),
			[]string{"/departments/2/department: legal reviewed twice"}},
	} {
		t.Run(name, func(t *testing.T) {
			path := writeDoc(t, "contract-review.json", c.doc)
			code, out, errs := runMain(t, "-contract-review", path)
			assert.Equal(t, 1, code)
			assert.Empty(t, out)
			for _, pointer := range c.pointers {
				assert.Contains(t, errs, path+": "+pointer)
			}
		})
	}
}

// The heat map places each risk by its ratings at the review day, as the
// register's report rates it: an assessment before the day moves SEC-1
// from possible × major to rare × minor, one after it does not count.
func TestHeatMapAtReviewDay(t *testing.T) {
	cell := func(risks string) (string, string) {
		t.Helper()
		code, out, errs := runMain(t, "-json", "-risks", writeDoc(t, "risks.json", risks))
		require.Equal(t, 0, code, errs)
		var rep struct {
			Risks struct {
				HeatMap struct {
					Likelihood struct{ Levels []struct{ ID string } } `json:"likelihood"`
					Impact     struct{ Levels []struct{ ID string } } `json:"impact"`
					Inherent   [][]struct {
						IDs []string `json:"ids"`
					} `json:"inherent"`
				} `json:"heat_map"`
			} `json:"risks"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &rep))
		h := rep.Risks.HeatMap
		for i, row := range h.Inherent {
			for j, c := range row {
				if len(c.IDs) > 0 && c.IDs[0] == "SEC-1" {
					return h.Likelihood.Levels[i].ID, h.Impact.Levels[j].ID
				}
			}
		}
		t.Fatal("SEC-1 is not on the heat map")
		return "", ""
	}
	const assessed = `"assessments": [{"date": "2027-05-20T00:00:00Z", "assessor": "risk office", ` +
		`"inherent": {"likelihood": "possible", "impact": "major"}}]`
	likelihood, impact := cell(sample(t, "risks", assessed, strings.ReplaceAll(assessed, `"possible", "impact": "major"`, `"rare", "impact": "minor"`)))
	assert.Equal(t, []string{"rare", "minor"}, []string{likelihood, impact})
	likelihood, impact = cell(sample(t, "risks", assessed, strings.ReplaceAll(
		strings.ReplaceAll(assessed, `"possible", "impact": "major"`, `"rare", "impact": "minor"`), "2027-05-20", "2027-07-20")))
	assert.Equal(t, []string{"possible", "major"}, []string{likelihood, impact})
}
