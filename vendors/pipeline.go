package vendors

import (
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Stage is where a vendor stands in the selection pipeline (Handbook
// §2.1–§2.3): every vendor of the pool starts on the long list.
type Stage string

// Pipeline stages.
const (
	StageLongList  Stage = "long_list"
	StageShortList Stage = "short_list"
	StageEvaluated Stage = "evaluated"
	StageSelected  Stage = "selected"
	StageRejected  Stage = "rejected"
)

var stages = []Stage{StageLongList, StageShortList, StageEvaluated, StageSelected, StageRejected}

// String returns the stage's name.
func (s Stage) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown stages.
func (s Stage) MarshalText() ([]byte, error) { return outsourcing.MarshalEnum(s, "stage", stages) }

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown stages.
func (s *Stage) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "stage", stages)
}

// transitions is the pipeline's state machine: screening moves a vendor
// from the long list to the short list, evaluation to evaluated, the
// decision to selected; any live stage may end in rejected (a selected
// vendor is rejected when negotiation fails), and rejected is final.
var transitions = map[Stage][]Stage{
	StageLongList:  {StageShortList, StageRejected},
	StageShortList: {StageEvaluated, StageRejected},
	StageEvaluated: {StageSelected, StageRejected},
	StageSelected:  {StageRejected},
}

// NextStage reports whether a vendor may move from one stage to another:
// nil if so, an error matching outsourcing.ErrTransition if not.
func NextStage(from, to Stage) error {
	if slices.Contains(transitions[from], to) {
		return nil
	}
	return outsourcing.FieldErrorOf(outsourcing.ErrTransition, "", "cannot move from %s to %s", from, to)
}

// Move is one vendor's move between stages, with the reason recorded for
// audit. From is filled in by Pipeline.Apply; if a caller sets it, it must
// be the vendor's current stage.
type Move struct {
	Vendor string    `json:"vendor"`
	From   Stage     `json:"from,omitempty"`
	To     Stage     `json:"to"`
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
	By     string    `json:"by,omitempty"`
}

// Pipeline is the stage of every vendor of a pool and the history of
// moves. It is immutable: Apply returns a new pipeline. Safe for
// concurrent use.
type Pipeline struct {
	order   []string
	stage   map[string]Stage
	history []Move
}

// NewPipeline puts every vendor of pool on the long list.
func NewPipeline(pool *Pool) *Pipeline {
	p := &Pipeline{order: pool.IDs(), stage: make(map[string]Stage, pool.Len())}
	for _, id := range p.order {
		p.stage[id] = StageLongList
	}
	return p
}

// Apply performs moves in order and returns the new pipeline; p is
// unchanged. All or nothing: if any move fails, no move is applied and
// every problem is returned, joined: a *FieldError at "/moves/i/vendor"
// matching ErrNotFound for an unknown vendor, at "/moves/i/to" matching
// ErrTransition for a move the state machine forbids (see NextStage), at
// "/moves/i/reason" for a move without a reason, at "/moves/i/at" for a
// dated move before the vendor's last dated move (the history would show
// an impossible path). Moves on the same instant keep their order.
func (p *Pipeline) Apply(moves ...Move) (*Pipeline, error) {
	next := &Pipeline{order: p.order, stage: maps.Clone(p.stage), history: slices.Grow(slices.Clone(p.history), len(moves))}
	last := map[string]time.Time{} // each vendor's last dated move
	for _, m := range p.history {
		if !m.At.IsZero() {
			last[m.Vendor] = m.At
		}
	}
	var errs []error
	for i, m := range moves {
		at := jsonptr.Join("moves", i)
		cur, ok := next.stage[m.Vendor]
		switch {
		case !ok:
			errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrNotFound, jsonptr.Append(at, "vendor"), "vendor %q is not in the pipeline", m.Vendor))
			continue
		case m.From != "" && m.From != cur:
			errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrTransition, jsonptr.Append(at, "from"), "vendor %q is %s, not %s", m.Vendor, cur, m.From))
			continue
		case strings.TrimSpace(m.Reason) == "":
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "reason"), "vendor %q: a move needs a reason", m.Vendor))
			continue
		case !m.At.IsZero() && m.At.Before(last[m.Vendor]):
			errs = append(errs, outsourcing.FieldErrorf(jsonptr.Append(at, "at"), "vendor %q: move at %s is before its previous move at %s",
				m.Vendor, m.At.Format(time.RFC3339), last[m.Vendor].Format(time.RFC3339)))
			continue
		}
		if err := NextStage(cur, m.To); err != nil {
			errs = append(errs, outsourcing.FieldErrorOf(outsourcing.ErrTransition, jsonptr.Append(at, "to"), "vendor %q cannot move from %s to %s",
				m.Vendor, cur, m.To))
			continue
		}
		m.From = cur
		if !m.At.IsZero() {
			last[m.Vendor] = m.At
		}
		next.stage[m.Vendor] = m.To
		next.history = append(next.history, m)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, wrap(err)
	}
	return next, nil
}

// Stage returns the current stage of vendor id, and false for an unknown vendor.
func (p *Pipeline) Stage(id string) (Stage, bool) {
	s, ok := p.stage[id]
	return s, ok
}

// In returns the vendors at stage s, in pool order.
func (p *Pipeline) In(s Stage) []string {
	var out []string
	for _, id := range p.order {
		if p.stage[id] == s {
			out = append(out, id)
		}
	}
	return out
}

// History returns a copy of every move applied, in order.
func (p *Pipeline) History() []Move { return slices.Clone(p.history) }

// PipelineEntry is one vendor's current stage in a PipelineSnapshot.
type PipelineEntry struct {
	Vendor string `json:"vendor"`
	Stage  Stage  `json:"stage"`
}

// PipelineSnapshot is the pipeline as a JSON record: every vendor's stage
// in pool order and the history of moves.
type PipelineSnapshot struct {
	Vendors []PipelineEntry `json:"vendors"`
	History []Move          `json:"history"`
}

// Snapshot returns the pipeline as a record.
func (p *Pipeline) Snapshot() PipelineSnapshot {
	s := PipelineSnapshot{Vendors: make([]PipelineEntry, len(p.order)), History: p.History()}
	for i, id := range p.order {
		s.Vendors[i] = PipelineEntry{Vendor: id, Stage: p.stage[id]}
	}
	return s
}

// MarshalJSON writes the snapshot.
func (p *Pipeline) MarshalJSON() ([]byte, error) { return json.Marshal(p.Snapshot()) }
