package sla

import (
	"fmt"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// count returns the rule's count, missed_minimum when unset.
func (b BreachRule) count() BreachCount {
	if b.Count == "" {
		return BreachCountMissedMinimum
	}
	return b.Count
}

// breaches checks the breach rules.
func (c *compiler) breaches() {
	ids := map[string]bool{}
	for k, b := range c.a.spec.Breaches {
		path := jsonptr.Join("breaches", k)
		if b.ID == "" {
			c.fail(jsonptr.Append(path, "id"), "a breach rule id is required")
		} else if ids[b.ID] {
			c.fail(jsonptr.Append(path, "id"), "breach rule %q defined twice", b.ID)
		}
		ids[b.ID] = true
		if !slices.Contains(breachCounts, b.count()) {
			c.fail(jsonptr.Append(path, "count"), "unknown breach count %q", b.Count)
		}
		switch {
		case b.Threshold < 1:
			c.fail(jsonptr.Append(path, "threshold"), "the threshold must be at least 1, not %d", b.Threshold)
		case b.Consecutive && b.Window != 0:
			c.fail(jsonptr.Append(path, "window"), "a consecutive count has no window")
		case !b.Consecutive && b.Window < b.Threshold:
			c.fail(jsonptr.Append(path, "window"), "the window of %d periods is shorter than the threshold %d", b.Window, b.Threshold)
		}
		switch {
		case b.Level != "" && b.count() == BreachCountAtCap:
			c.fail(jsonptr.Append(path, "level"), "an at_cap count is for the whole agreement, not a level")
		case b.Level != "" && !slices.ContainsFunc(c.a.spec.Levels, func(l Level) bool { return l.ID == b.Level }):
			c.fail(jsonptr.Append(path, "level"), "no level %q", b.Level)
		}
	}
}

// signals evaluates every breach rule as of the last report of seq, the
// agreement's reports in time order; past holds each level's reports in
// the same order. seq grows by one report from one call to the next with
// the same arena, which keeps each count's evidence so far.
func (a *Agreement) signals(seq []*Report, past [][]*LevelReport, ar *arena) []Signal {
	n := a.signalsPerReport()
	out := carve(&ar.signals, n, 16)
	if ar.evidence == nil {
		ar.evidence = make([]evidence, n)
	}
	for _, b := range a.spec.Breaches {
		if b.count() == BreachCountAtCap {
			out = append(out, countBreach(b, "", len(seq), func(j int) bool { return seq[j].AtCap },
				func(j int) string { return seq[j].Period.label }, &ar.evidence[len(out)], ar))
			continue
		}
		for i, l := range a.levels {
			if (b.Level == "" && l.class != LevelClassCritical) || (b.Level != "" && b.Level != l.ID) {
				continue
			}
			h := past[i]
			match := func(j int) bool { return h[j].Status == StatusMissed }
			if b.count() == BreachCountMissedExpected {
				match = func(j int) bool { return h[j].Status == StatusMissed || h[j].Status == StatusMinimum }
			}
			out = append(out, countBreach(b, l.ID, len(h), match, func(j int) string { return h[j].Trend[len(h[j].Trend)-1].Period },
				&ar.evidence[len(out)], ar))
		}
	}
	return out
}

// signalsPerReport is how many signals a report carries: one per at_cap
// rule, and per level rule one for its level or for each critical level.
func (a *Agreement) signalsPerReport() int {
	critical := 0
	for _, l := range a.levels {
		if l.class == LevelClassCritical {
			critical++
		}
	}
	n := 0
	for _, b := range a.spec.Breaches {
		switch {
		case b.count() == BreachCountAtCap || b.Level != "":
			n++
		default:
			n += critical
		}
	}
	return n
}

// evidence is one count's labels of the periods that matched so far,
// oldest first, of the first read periods: a signal's periods are the
// last of them, shared by the signals of one call.
type evidence struct {
	labels []string
	read   int
}

// countBreach counts the periods 0..n−1 (the last is the current one)
// that match, in the rule's window or in the run ending with the last;
// ev is the count's evidence of the periods before, which it extends.
func countBreach(b BreachRule, level string, n int, match func(int) bool, label func(int) string, ev *evidence, ar *arena) Signal {
	s := Signal{Rule: b.ID, Level: level, Count: b.count(), Threshold: b.Threshold, Window: b.Window, Consecutive: b.Consecutive}
	from := max(n-b.Window, 0)
	if b.Consecutive {
		from = n
		for from > 0 && match(from-1) {
			from--
		}
		s.Read = min(n-from+1, n)
	} else {
		s.Read = n - from
	}
	for j := from; j < n; j++ {
		if match(j) {
			s.Counted++
		}
	}
	if ev.labels == nil {
		ev.labels = carve(&ar.labels, max(ar.reads, n), 16*n)
	}
	for ; ev.read < n; ev.read++ {
		if match(ev.read) {
			ev.labels = append(ev.labels, label(ev.read))
		}
	}
	if k := len(ev.labels); s.Counted > 0 { // the periods counted are the last to match
		s.Periods = ev.labels[k-s.Counted : k : k]
	}
	s.Triggered = s.Counted >= b.Threshold
	return s
}

// Signals evaluates the agreement's breach rules over stored reports,
// as of the last of them: the signals that report carries when it was
// made with the others as its history, read back from what was stored
// (to audit a termination right). history must be this agreement's
// reports of periods in a row, in time order, none repeated, overlapping
// or missing (errors point into it, "/3/period"). A rule that reads more periods than history holds —
// a window, or a consecutive threshold, longer than it — is an error
// whose path is the rule's field ("/breaches/0/window"): the count could
// not be decided from it.
func (a *Agreement) Signals(history []Report) ([]Signal, error) {
	if err := a.compiled(); err != nil {
		return nil, wrap(err)
	}
	if err := a.checkHistory(history); err != nil {
		return nil, wrap(err)
	}
	for k, b := range a.spec.Breaches {
		field, need := "window", b.Window
		if b.Consecutive {
			field, need = "threshold", b.Threshold
		}
		if need > len(history) {
			return nil, wrap(outsourcing.FieldErrorf(jsonptr.Join("breaches", k, field),
				"breach rule %q reads %d periods, more than the %d reports of history", b.ID, need, len(history)))
		}
	}
	seq := make([]*Report, len(history))
	for i := range history {
		seq[i] = &history[i]
	}
	past := make([][]*LevelReport, len(a.levels))
	for i, l := range a.levels {
		past[i] = levelHistory(history, l.ID)
	}
	return a.signals(seq, past, &arena{reads: len(history)}), nil
}

// sentence says what the signal counted, for reports
// ("termination: at_cap in 2 of the last 6 periods (2024-02, 2024-05), threshold 2").
func (s Signal) sentence() string {
	who := s.Rule
	if s.Level != "" {
		who += " (" + s.Level + ")"
	}
	span := fmt.Sprintf("of the last %d periods", s.Read)
	if s.Consecutive {
		span = "periods in a row"
	}
	return fmt.Sprintf("Signal %s: %s in %d %s (%s), threshold %d", who, s.Count, s.Counted, span,
		strings.Join(s.Periods, ", "), s.Threshold)
}
