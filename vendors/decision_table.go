package vendors

import (
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// ApprovalsTable lays the record's approvals out for people (Handbook
// §2.3), in the order they were given: role, approver, verdict in words
// ("approved", "rejected"), the day it was given (YYYY-MM-DD in the
// approval's own time zone) and the comment; then one row per required
// role without any verdict yet (those of MissingRoles no approval row
// shows: a role that rejected is shown by its rejection), its verdict
// "pending" and the other cells "—".
func (r DecisionRecord) ApprovalsTable() outsourcing.Table {
	t := outsourcing.Table{Header: []string{"role", "approver", "verdict", "date", "comment"}, Numeric: make([]bool, 5)}
	for _, a := range r.Approvals {
		t.Rows = append(t.Rows, []string{a.Role, a.Approver, a.Verdict.Label(), day(a.At), a.Comment})
	}
	for _, role := range r.MissingRoles {
		if slices.ContainsFunc(r.Approvals, func(a Approval) bool { return a.Role == role }) {
			continue
		}
		t.Rows = append(t.Rows, []string{role, none, string(DecisionPending), none, ""})
	}
	return t
}

// LogTable lays the record's negotiation and clarification log out for
// people (Handbook §2.3), in log order: item id, kind, vendor, topic, the
// day it was raised, its status, the day it was resolved ("—" while open)
// and the resolution. Days are YYYY-MM-DD in each time's own zone.
func (r DecisionRecord) LogTable() outsourcing.Table {
	t := outsourcing.Table{Header: []string{"item", "kind", "vendor", "topic", "raised", "status", "resolved", "resolution"},
		Numeric: make([]bool, 8)}
	for _, it := range r.Log {
		resolved := none
		if !it.Resolved.IsZero() {
			resolved = day(it.Resolved)
		}
		t.Rows = append(t.Rows, []string{it.ID, string(it.Kind), it.Vendor, it.Topic, day(it.Raised), string(it.Status), resolved, it.Resolution})
	}
	return t
}
