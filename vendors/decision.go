package vendors

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/scoring"
)

// DecisionSpec is the selection committee's decision on an evaluation
// (Handbook §2.3): the vendor chosen, why, the approvals the decision
// needs and those it got, and the negotiation and clarification log.
type DecisionSpec struct {
	// Selected is the chosen vendor, ranked in the evaluation.
	Selected string `json:"selected"`
	// Rationale says why, in words; required, and it must explain the
	// choice of a vendor that is not ranked first.
	Rationale string    `json:"rationale"`
	Decided   time.Time `json:"decided"`
	DecidedBy string    `json:"decided_by,omitempty"`
	// RequiredRoles are the roles that must approve (for example
	// procurement, it, finance): at least one, each once. Approvals come
	// from these roles only, and each approver answers for one role, so
	// that one person cannot stand in for two (segregation of duties).
	RequiredRoles []string   `json:"required_roles"`
	Approvals     []Approval `json:"approvals,omitempty"`
	Log           []LogItem  `json:"log,omitempty"`
}

// ParseDecision validates doc against DecisionSchema and decodes it
// (unknown fields rejected). Problems are *outsourcing.FieldError values
// at JSON pointers into doc ("/approvals/1/verdict"); Decide checks the
// decision against the evaluation.
func ParseDecision(doc []byte) (DecisionSpec, error) { return parse[DecisionSpec](decisionSchema, doc) }

// Approval is one approver's verdict.
type Approval struct {
	Approver string    `json:"approver"`
	Role     string    `json:"role"`
	Verdict  Verdict   `json:"verdict"`
	At       time.Time `json:"at"`
	Comment  string    `json:"comment,omitempty"`
}

// Verdict is an approver's answer.
type Verdict string

// Verdicts.
const (
	VerdictApprove Verdict = "approve"
	VerdictReject  Verdict = "reject"
)

var verdicts = []Verdict{VerdictApprove, VerdictReject}

// String returns the verdict's name.
func (v Verdict) String() string { return string(v) }

// Label returns the verdict in words for a reader ("approved",
// "rejected"); String and JSON keep the id. An unknown value is returned
// as it is.
func (v Verdict) Label() string {
	switch v {
	case VerdictApprove:
		return "approved"
	case VerdictReject:
		return "rejected"
	}
	return string(v)
}

// MarshalText implements encoding.TextMarshaler; it rejects unknown verdicts.
func (v Verdict) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(v, "verdict", verdicts)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown verdicts.
func (v *Verdict) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(v, text, "verdict", verdicts)
}

// DecisionStatus is where a decision stands.
type DecisionStatus string

// Decision statuses.
const (
	// DecisionPending: an approval is missing or an item with the selected
	// vendor is still open.
	DecisionPending DecisionStatus = "pending"
	// DecisionApproved: every required role approved, nothing is open.
	DecisionApproved DecisionStatus = "approved"
	// DecisionRejected: an approver rejected the decision.
	DecisionRejected DecisionStatus = "rejected"
)

var decisionStatuses = []DecisionStatus{DecisionPending, DecisionApproved, DecisionRejected}

// String returns the status name.
func (s DecisionStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown statuses.
func (s DecisionStatus) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "decision status", decisionStatuses)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *DecisionStatus) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "decision status", decisionStatuses)
}

// DecisionRecord is the audit record of a selection: what was decided,
// on which evaluation, by whom, why, who approved, and what the committee
// knew (ranking, weights, sensitivity, warnings, open items).
type DecisionRecord struct {
	// ID is a stable UUID of the evaluation id, the selected vendor and the
	// decision instant, so the same decision always has the same id.
	ID         uuid.UUID `json:"id"`
	Evaluation string    `json:"evaluation,omitempty"`
	// Selected is the chosen vendor and SelectedRank its rank; TopRanked
	// is the vendor ranked first. OverridesRanking is true when the
	// committee chose a vendor ranked below first, against the ranking:
	// the Rationale then says why.
	Selected         string         `json:"selected"`
	SelectedRank     int            `json:"selected_rank"`
	TopRanked        string         `json:"top_ranked"`
	OverridesRanking bool           `json:"overrides_ranking"`
	Rationale        string         `json:"rationale"`
	Decided          time.Time      `json:"decided"`
	DecidedBy        string         `json:"decided_by,omitempty"`
	Status           DecisionStatus `json:"status"`
	// Method, Weights, Ranking, Gated, Sensitivity and Warnings repeat the evaluation's.
	Method      scoring.Method           `json:"method"`
	Weights     []DimensionWeight        `json:"weights"`
	Ranking     []RankedVendor           `json:"ranking"`
	Gated       []GatedVendor            `json:"gated,omitempty"`
	Sensitivity []scoring.WeightInterval `json:"sensitivity,omitempty"`
	Warnings    []Warning                `json:"warnings,omitempty"`
	Approvals   []Approval               `json:"approvals,omitempty"`
	// MissingRoles are required roles without an approval.
	MissingRoles []string `json:"missing_roles,omitempty"`
	// OpenItems are the log items still open with the selected vendor.
	OpenItems []LogItem `json:"open_items,omitempty"`
	Log       []LogItem `json:"log,omitempty"`
}

// Decide records the decision spec on evaluation ev. Problems are
// *outsourcing.FieldError values at pointers into spec, joined: the
// selected vendor not ranked ("/selected", ErrNotFound); an empty
// rationale ("/rationale"), whose reason names the top-ranked vendor when
// the selected one is ranked below it; no required role
// ("/required_roles") or one listed twice ("/required_roles/i"); an
// approval without a role or from a role the decision does not require
// ("/approvals/i/role"); an approver who already answered for another
// role ("/approvals/i/approver"); a log item without an id ("/log/i/id"). The
// status is rejected when any approver rejected, approved when every
// required role approved and no item with the selected vendor is open,
// pending otherwise.
func Decide(ev Evaluation, spec DecisionSpec) (DecisionRecord, error) {
	var errs []error
	rank := slices.IndexFunc(ev.Ranking, func(r RankedVendor) bool { return r.Vendor == spec.Selected })
	override := rank >= 0 && ev.Ranking[rank].Rank > 1
	switch {
	case rank < 0:
		errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrNotFound, "/selected", "vendor %q is not ranked in evaluation %q", spec.Selected, ev.ID))
	case override && strings.TrimSpace(spec.Rationale) == "":
		errs = append(errs, outsourcing.FieldErrorf("/rationale", "vendor %q is ranked %d, below %q: the rationale must say why it is chosen",
			spec.Selected, ev.Ranking[rank].Rank, ev.Winner()))
	}
	if !override && strings.TrimSpace(spec.Rationale) == "" {
		errs = append(errs, outsourcing.FieldErrorf("/rationale", "vendor %q: a decision needs a rationale", spec.Selected))
	}
	errs = append(errs, checkRoles(spec)...)
	for i, it := range spec.Log {
		if it.ID == "" {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("log", i, "id"), "vendor %q: log item without an id", it.Vendor))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return DecisionRecord{}, wrap(err)
	}
	r := DecisionRecord{
		ID:         outsourcing.StableID(outsourcing.Namespace(), "vendors/decision", ev.ID, spec.Selected, spec.Decided.UTC().Format(time.RFC3339Nano)),
		Evaluation: ev.ID, Selected: spec.Selected, SelectedRank: ev.Ranking[rank].Rank, TopRanked: ev.Winner(), OverridesRanking: override,
		Rationale: spec.Rationale, Decided: spec.Decided, DecidedBy: spec.DecidedBy,
		Method: ev.Method, Weights: slices.Clone(ev.Weights), Ranking: slices.Clone(ev.Ranking), Gated: slices.Clone(ev.Gated),
		Sensitivity: slices.Clone(ev.Sensitivity), Warnings: slices.Clone(ev.Warnings),
		Approvals: slices.Clone(spec.Approvals), Log: slices.Clone(spec.Log), OpenItems: OpenItems(spec.Log, spec.Selected),
	}
	approved := map[string]bool{}
	rejected := false
	for _, a := range spec.Approvals {
		switch a.Verdict {
		case VerdictApprove:
			approved[a.Role] = true
		case VerdictReject:
			rejected = true
		}
	}
	for _, role := range spec.RequiredRoles {
		if !approved[role] {
			r.MissingRoles = append(r.MissingRoles, role)
		}
	}
	switch {
	case rejected:
		r.Status = DecisionRejected
	case len(r.MissingRoles) == 0 && len(r.OpenItems) == 0:
		r.Status = DecisionApproved
	default:
		r.Status = DecisionPending
	}
	return r, nil
}

// checkRoles reports a decision without required roles, a role required
// twice, approvals without a role or from a role not required, and an
// approver answering for a second role.
func checkRoles(spec DecisionSpec) []error {
	var errs []error
	if len(spec.RequiredRoles) == 0 {
		errs = append(errs, outsourcing.FieldErrorf("/required_roles", "vendor %q: a decision needs at least one approving role", spec.Selected))
	}
	for i, role := range spec.RequiredRoles {
		if slices.Contains(spec.RequiredRoles[:i], role) {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("required_roles", i), "role %q is required twice", role))
		}
	}
	for i, a := range spec.Approvals {
		switch {
		case a.Role == "":
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("approvals", i, "role"), "approval by %q has no role", a.Approver))
		case !slices.Contains(spec.RequiredRoles, a.Role):
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("approvals", i, "role"), "approval by %q as %q: the decision requires approvals from %s only",
				a.Approver, a.Role, strings.Join(spec.RequiredRoles, ", ")))
		}
		if j := slices.IndexFunc(spec.Approvals[:i], func(b Approval) bool { return b.Approver == a.Approver && b.Role != a.Role }); j >= 0 {
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Join("approvals",
				i, "approver"), "%q answered as %q at /approvals/%d: one approver cannot also answer as %q",
				a.Approver, spec.Approvals[j].Role, j, a.Role))
		}
	}
	return errs
}

// Moves turns an evaluation into pipeline moves at instant at by actor
// by: ranked vendors are evaluated, gated vendors rejected with the gate
// as the reason.
func (e Evaluation) Moves(at time.Time, by string) []Move {
	var moves []Move
	for _, r := range e.Ranking {
		moves = append(moves, Move{Vendor: r.Vendor, To: StageEvaluated, At: at, By: by, Reason: fmt.Sprintf("evaluated: rank %d, %.2f points", r.Rank, r.Points)})
	}
	for _, g := range e.Gated {
		moves = append(moves, Move{Vendor: g.Vendor, To: StageRejected, At: at, By: by, Reason: fmt.Sprintf("below the %s gate: %.2f < %s", g.Dimension, g.Score, g.Gate)})
	}
	return moves
}

// Moves turns an approved decision into pipeline moves at instant at by
// actor by: the selected vendor is selected, the other ranked vendors are
// rejected. A decision that is not approved moves nobody.
func (r DecisionRecord) Moves(at time.Time, by string) []Move {
	if r.Status != DecisionApproved {
		return nil
	}
	var moves []Move
	for _, rv := range r.Ranking {
		m := Move{Vendor: rv.Vendor, To: StageRejected, At: at, By: by, Reason: fmt.Sprintf("not selected (rank %d); decision %s", rv.Rank, r.ID)}
		if rv.Vendor == r.Selected {
			m.To, m.Reason = StageSelected, "selected: "+r.Rationale
			if r.OverridesRanking {
				m.Reason = fmt.Sprintf("selected at rank %d over %q ranked first: %s", r.SelectedRank, r.TopRanked, r.Rationale)
			}
		}
		moves = append(moves, m)
	}
	return moves
}
