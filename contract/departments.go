package contract

import (
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Department is an internal reviewer of a contract (Handbook §3.2:
// legal, finance, IT and business review it).
type Department string

// Departments.
const (
	DepartmentLegal    Department = "legal"
	DepartmentFinance  Department = "finance"
	DepartmentIT       Department = "it"
	DepartmentBusiness Department = "business"
)

var departments = []Department{DepartmentLegal, DepartmentFinance, DepartmentIT, DepartmentBusiness}

// Departments returns the four reviewing departments of Handbook §3.2.
func Departments() []Department { return slices.Clone(departments) }

// String returns the department's name.
func (d Department) String() string { return string(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Department) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(d, "department", departments)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown departments.
func (d *Department) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(d, b, "department", departments)
}

// Verdict is a reviewer's or approver's decision.
type Verdict string

// Verdicts.
const (
	VerdictApprove               Verdict = "approve"
	VerdictApproveWithConditions Verdict = "approve_with_conditions"
	VerdictReject                Verdict = "reject"
)

var verdicts = []Verdict{VerdictApprove, VerdictApproveWithConditions, VerdictReject}

// Approves reports whether the verdict is an approval (with or without
// conditions).
func (v Verdict) Approves() bool { return v == VerdictApprove || v == VerdictApproveWithConditions }

// String returns the verdict's name.
func (v Verdict) String() string { return string(v) }

// Label returns the verdict in words for a reader ("approved with
// conditions"); String and JSON keep the id. An unknown value is returned
// as it is.
func (v Verdict) Label() string {
	switch v {
	case VerdictApprove:
		return "approved"
	case VerdictApproveWithConditions:
		return "approved with conditions"
	case VerdictReject:
		return "rejected"
	}
	return string(v)
}

// MarshalText implements encoding.TextMarshaler.
func (v Verdict) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(v, "verdict", verdicts)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown verdicts.
func (v *Verdict) UnmarshalText(b []byte) error {
	return outsourcing.UnmarshalEnum(v, b, "verdict", verdicts)
}

// DepartmentReview is one department's verdict on a contract.
type DepartmentReview struct {
	// Department that reviewed.
	Department Department `json:"department"`
	// Reviewer is who signed the review off.
	Reviewer string `json:"reviewer"`
	// Verdict is the decision.
	Verdict Verdict `json:"verdict"`
	// Conditions are the conditions of an approval with conditions.
	Conditions []string `json:"conditions,omitempty"`
	// Waived are the checks of findings the department accepts (a
	// finding's Check), with its reasons given in Conditions.
	Waived []string `json:"waived,omitempty"`
	// At is when the review was given.
	At time.Time `json:"at"`
}

// Clearance is the outcome of the internal review: findings and the
// departments' verdicts together.
type Clearance struct {
	// Cleared reports that every department approved and no blocking
	// finding remains.
	Cleared bool `json:"cleared"`
	// Missing are departments that have not reviewed yet.
	Missing []Department `json:"missing,omitempty"`
	// Rejected are departments that rejected the contract.
	Rejected []Department `json:"rejected,omitempty"`
	// Blocking are the findings at or above the policy's BlockAt that no
	// department waived.
	Blocking []Finding `json:"blocking,omitempty"`
	// Conditions collects the approvals' conditions, by department order.
	Conditions []string `json:"conditions,omitempty"`
}

// Clear combines a review with the departments' verdicts. Each of the
// four departments must review once; a finding at or above BlockAt
// blocks unless a department waived its check. Errors (a
// *outsourcing.FieldError at /i/...): a department reviewing twice, a
// review without reviewer, verdict or time, a condition-less approval
// with conditions, a rejection with conditions or waivers (its
// conditions are no approval's and it accepts no finding), a waiver of a
// check the review has no finding of (ErrNotFound at /i/waived/j). Any
// department may waive any check the review found: the package assigns
// no check to a department.
func (rv *Reviewer) Clear(r Review, reviews []DepartmentReview) (Clearance, error) {
	var errs problems
	seen := map[Department]bool{}
	waived := map[string]bool{}
	var out Clearance
	for i, d := range reviews {
		base := jsonptr.Join(i)
		switch {
		case !slices.Contains(departments, d.Department):
			errs.failf(jsonptr.Append(base, "department"), "unknown department %q", d.Department)
		case seen[d.Department]:
			errs.failf(jsonptr.Append(base, "department"), "%s reviewed twice", d.Department)
		case d.Reviewer == "":
			errs.failf(jsonptr.Append(base, "reviewer"), "a review names its reviewer")
		case d.At.IsZero():
			errs.failf(jsonptr.Append(base, "at"), "a review needs the time it was given")
		case !slices.Contains(verdicts, d.Verdict):
			errs.failf(jsonptr.Append(base, "verdict"), "unknown verdict %q", d.Verdict)
		case d.Verdict == VerdictApproveWithConditions && len(d.Conditions) == 0:
			errs.failf(jsonptr.Append(base, "conditions"), "an approval with conditions states them")
		case d.Verdict == VerdictReject && len(d.Conditions) > 0:
			errs.failf(jsonptr.Append(base, "conditions"), "a rejection has no conditions: only an approval is given on conditions")
		case d.Verdict == VerdictReject && len(d.Waived) > 0:
			errs.failf(jsonptr.Append(base, "waived"), "a department that rejects the contract accepts no finding")
		}
		seen[d.Department] = true
		if d.Verdict == VerdictReject {
			out.Rejected = append(out.Rejected, d.Department)
		}
		for j, w := range d.Waived {
			if !slices.ContainsFunc(r.Findings, func(f Finding) bool { return f.Check == w }) {
				errs.add(notFoundf(jsonptr.Append(base, "waived", j), "the review has no finding of check %q to waive", w))
			}
			waived[w] = true
		}
		out.Conditions = append(out.Conditions, d.Conditions...)
	}
	if len(errs) > 0 {
		return Clearance{}, wrap(joinProblems(errs))
	}
	for _, d := range departments {
		if !seen[d] {
			out.Missing = append(out.Missing, d)
		}
	}
	for _, f := range r.Findings {
		if f.Severity.Rank() >= rv.blockAt.Rank() && !waived[f.Check] {
			out.Blocking = append(out.Blocking, f)
		}
	}
	out.Cleared = len(out.Missing) == 0 && len(out.Rejected) == 0 && len(out.Blocking) == 0
	return out, nil
}
