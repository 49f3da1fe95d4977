package vendors

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The approvals table lists every verdict as given, in words, then the
// required roles without a verdict; the log table every item, "—" for the
// resolution day of an open one.
func TestDecisionRecordTables(t *testing.T) {
	ev, err := Evaluate(smallTemplate(t, "20"), evaluation())
	require.NoError(t, err)
	cet := time.FixedZone("CET", 3600)
	rec, err := Decide(ev, DecisionSpec{Selected: ev.Ranking[1].Vendor, Rationale: "cheaper to run", Decided: day0,
		RequiredRoles: []string{"it", "finance", "procurement"},
		Approvals: []Approval{
			{Approver: "cio", Role: "it", Verdict: VerdictApprove, At: time.Date(2025, 1, 2, 23, 30, 0, 0, cet)},
			{Approver: "cfo", Role: "finance", Verdict: VerdictReject, At: day0.AddDate(0, 0, 2), Comment: "over budget"}},
		Log: []LogItem{
			{ID: "C-1", Vendor: "a", Kind: LogClarification, Topic: "staffing", Raised: day0, Status: LogResolved, Resolution: "12 FTE", Resolved: day0.AddDate(0, 0, 1)},
			{ID: "N-1", Vendor: "b", Kind: LogNegotiation, Topic: "cap", Raised: day0.AddDate(0, 0, 1), Status: LogOpen}}})
	require.NoError(t, err)
	require.Equal(t, []string{"finance", "procurement"}, rec.MissingRoles, "a rejection is no approval")

	approvals := rec.ApprovalsTable()
	assert.Equal(t, []string{"role", "approver", "verdict", "date", "comment"}, approvals.Header)
	require.Len(t, approvals.Rows, len(rec.Approvals)+1, "finance shows by its rejection, procurement as pending")
	for i, a := range rec.Approvals {
		assert.Equal(t, []string{a.Role, a.Approver, a.Verdict.Label(), a.At.Format(time.DateOnly), a.Comment}, approvals.Rows[i])
	}
	assert.Equal(t, "2025-01-02", approvals.Rows[0][3], "the day in the approval's own zone")
	assert.Equal(t, "rejected", approvals.Rows[1][2])
	assert.Equal(t, []string{"procurement", "—", "pending", "—", ""}, approvals.Rows[2])

	log := rec.LogTable()
	assert.Equal(t, []string{"item", "kind", "vendor", "topic", "raised", "status", "resolved", "resolution"}, log.Header)
	require.Len(t, log.Rows, len(rec.Log))
	for i, it := range rec.Log {
		row := log.Rows[i]
		assert.Equal(t, []string{it.ID, string(it.Kind), it.Vendor, it.Topic, it.Raised.Format(time.DateOnly), string(it.Status)}, row[:6])
		assert.Equal(t, it.Resolution, row[7])
	}
	assert.Equal(t, "2025-01-02", log.Rows[0][6])
	assert.Equal(t, "—", log.Rows[1][6], "an open item is not resolved")
}

// A record without approvals or log lays out headers only.
func TestDecisionRecordTablesEmpty(t *testing.T) {
	var rec DecisionRecord
	assert.Empty(t, rec.ApprovalsTable().Rows)
	assert.Empty(t, rec.LogTable().Rows)
	assert.Len(t, rec.LogTable().Header, 8)
}
