package risk

import (
	"cmp"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// DueKind says what falls due.
type DueKind string

// Things that fall due.
const (
	// DueKindReview is the periodic review of a risk (Handbook §5.3).
	DueKindReview DueKind = "review"
	// DueKindDrill is the drill of a contingency plan (Handbook §5.2).
	DueKindDrill DueKind = "drill"
)

var dueKinds = []DueKind{DueKindReview, DueKindDrill}

// String returns the kind name.
func (k DueKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k DueKind) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(k, "kind", dueKinds) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *DueKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "kind", dueKinds)
}

// DueStatus is where a review or drill stands at asOf.
type DueStatus string

// Due statuses.
const (
	// DueStatusCurrent: the date is more than the due window away.
	DueStatusCurrent DueStatus = "current"
	// DueStatusDue: the date is within the due window, not yet passed.
	DueStatusDue DueStatus = "due"
	// DueStatusOverdue: the date has passed.
	DueStatusOverdue DueStatus = "overdue"
)

var dueStatuses = []DueStatus{DueStatusCurrent, DueStatusDue, DueStatusOverdue}

// String returns the status name.
func (s DueStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown statuses.
func (s DueStatus) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "due_status", dueStatuses)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *DueStatus) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "due_status", dueStatuses)
}

// Schedule is when a review or drill falls due.
type Schedule struct {
	// Kind is review or drill.
	Kind DueKind `json:"kind"`
	// Last is the previous review or drill (or the identification date
	// when there was none).
	Last time.Time `json:"last"`
	// Months or Days is the interval applied (the other is 0).
	Months int `json:"months,omitempty"`
	Days   int `json:"days,omitempty"`
	// Date is Last plus Months calendar months, the day kept or clamped
	// to the month's last day as Excel's EDATE does (31 January + 1 month
	// is 28 or 29 February, not 2 or 3 March), or plus Days days.
	Date time.Time `json:"date"`
	// Status at asOf; DaysOverdue is the number of whole days past Date
	// (0 unless overdue).
	Status      DueStatus `json:"status"`
	DaysOverdue int       `json:"days_overdue"`
}

// RiskReport is one risk assessed at asOf.
type RiskReport struct {
	// ID is the risk; Inherent and Residual are its ratings on the
	// matrix at asOf: those of its latest assessment at or before asOf,
	// else the risk's own.
	ID       string     `json:"id"`
	Inherent Evaluation `json:"inherent"`
	Residual Residual   `json:"residual"`
	// LastAssessed is the date of the latest assessment at or before
	// asOf, or the identification date when there is none.
	LastAssessed time.Time `json:"last_assessed"`
	// Previous is the rating of the assessment before the latest, nil
	// without one; Trend compares the residual levels (up, down, steady;
	// "" without Previous).
	Previous *PriorRating `json:"previous,omitempty"`
	Trend    Trend        `json:"trend,omitempty"`
	// Review is nil for closed risks; Drill is nil without a contingency
	// plan or for closed risks. Both are nil for a risk not yet identified.
	Review *Schedule `json:"review,omitempty"`
	Drill  *Schedule `json:"drill,omitempty"`
	// NotYetIdentified is true for a risk identified after asOf: it was
	// not on the register that day, so it has no review or drill due and
	// counts neither in the overall level nor on HeatMapAt.
	NotYetIdentified bool `json:"not_yet_identified,omitempty"`
}

// DueItem is a review or drill that is due or overdue.
type DueItem struct {
	// RiskID is the risk the schedule belongs to.
	RiskID   string `json:"risk_id"`
	Schedule `json:"schedule"`
}

// Report is a register assessed at asOf.
type Report struct {
	// AsOf is the date the register was assessed at.
	AsOf time.Time `json:"as_of"`
	// Risks in register order.
	Risks []RiskReport `json:"risks"`
	// Due lists the due and overdue reviews and drills, earliest date
	// first (ties by risk ID, then reviews before drills).
	Due []DueItem `json:"due"`
	// Overall is the register's overall risk: the highest residual level
	// of the risks that are not closed, on the matrix and on NIST's scale
	// (see OverallLevel).
	Overall Overall `json:"overall"`
}

// Assess validates the register against m (see Register.Validate) and, at
// asOf, rates every risk (inherent and residual) and works out which
// reviews and drills are due or overdue. A risk with dated assessments is
// rated by its latest assessment at or before asOf (Assessment.Inherent,
// and Assessment.Residual as a re-rating or else the risk's controls),
// with the assessment before it as Previous and the Trend between them;
// a risk without one is rated by its own Inherent and Residual, so a
// register shows a risk's rating change between assessments by being
// assessed at two dates. A review falls due one interval
// after the latest assessment (or identification): the policy's interval
// for the residual level (months or days), else 3 months above appetite
// and 6 within it. A drill falls due DrillMonths or DrillDays (default 12
// months) after the last drill (or
// identification). Closed risks have neither, and do not count towards
// the overall risk (Report.Overall, OverallLevel).
func Assess(reg Register, m *Matrix, asOf time.Time) (Report, error) {
	rep, err := assess(reg, m, asOf)
	return rep, wrap(err)
}

func assess(reg Register, m *Matrix, asOf time.Time) (Report, error) {
	comb, err := reg.validate(m)
	if err != nil {
		return Report{}, err
	}
	window := reg.Review.DueWithinDays
	if window == 0 {
		window = 30
	}
	cadences := make(map[Level]cadence, len(reg.Review.Intervals))
	for _, iv := range reg.Review.Intervals {
		cadences[iv.Level] = cadence{iv.Months, iv.Days}
	}
	rep := Report{AsOf: asOf, Risks: make([]RiskReport, len(reg.Risks))}
	for i, k := range reg.Risks {
		rr := RiskReport{ID: k.ID, LastAssessed: k.Identified}
		latest, previous := k.assessedAt(asOf)
		rated := k
		if latest >= 0 {
			rated = k.as(k.Assessments[latest])
			rr.LastAssessed = k.Assessments[latest].Date
		}
		rr.Inherent, rr.Residual = m.rated(rated, comb)
		if previous >= 0 {
			a := k.Assessments[previous]
			inh, res := m.rated(k.as(a), comb)
			rr.Previous = &PriorRating{Date: a.Date, Inherent: inh, Residual: res}
			rr.Trend = trend(rr.Residual, res)
		}
		res := rr.Residual
		rr.NotYetIdentified = k.Identified.After(asOf)
		if k.Status != StatusClosed && !rr.NotYetIdentified {
			n, ok := cadences[res.Evaluation.Level]
			if !ok {
				n = cadence{months: 6}
				if res.Evaluation.Zone != ZoneWithinAppetite {
					n = cadence{months: 3}
				}
			}
			rr.Review = schedule(DueKindReview, rr.LastAssessed, n, asOf, window)
			if c := k.Contingency; c != nil {
				last := k.Identified
				if c.LastDrill != nil {
					last = *c.LastDrill
				}
				drill := cadence{c.DrillMonths, c.DrillDays}
				if drill == (cadence{}) {
					drill.months = 12
				}
				rr.Drill = schedule(DueKindDrill, last, drill, asOf, window)
			}
		}
		for _, s := range []*Schedule{rr.Review, rr.Drill} {
			if s != nil && s.Status != DueStatusCurrent {
				rep.Due = append(rep.Due, DueItem{RiskID: k.ID, Schedule: *s})
			}
		}
		rep.Risks[i] = rr
	}
	slices.SortStableFunc(rep.Due, func(a, b DueItem) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.RiskID, b.RiskID), cmp.Compare(b.Kind, a.Kind))
	})
	rep.Overall = m.overall(reg, rep.Risks)
	return rep, nil
}

// cadence is an interval in calendar months or in days.
type cadence struct{ months, days int }

// schedule computes the next date after last and its status at asOf.
func schedule(kind DueKind, last time.Time, c cadence, asOf time.Time, windowDays int) *Schedule {
	s := &Schedule{Kind: kind, Last: last, Months: c.months, Days: c.days, Date: addMonths(last, c.months).AddDate(0, 0, c.days), Status: DueStatusCurrent}
	switch {
	case asOf.After(s.Date):
		s.Status = DueStatusOverdue
		s.DaysOverdue = int(asOf.Sub(s.Date) / (24 * time.Hour))
	case !asOf.AddDate(0, 0, windowDays).Before(s.Date):
		s.Status = DueStatusDue
	}
	return s
}

// addMonths adds n calendar months to t as Excel's EDATE does: the day of
// the month is kept, or clamped to the last day of a shorter month
// (time.AddDate would carry the overflow into the month after).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(d, last)-1)
}
