package termination

import (
	"fmt"
	"strings"

	"github.com/outsourcing-go/outsourcing/contract"
	"github.com/outsourcing-go/outsourcing/sla"
)

// evidence is what the environment was built from: readable notes per
// ground and the days the notice requirements count from.
type evidence struct {
	notes             map[Ground][]string
	termEnd           contract.Date
	firstUncured      contract.Date // the earliest uncured breach notice
	convenienceServed contract.Date // the earliest convenience notice
}

// triggerEnv builds the trigger environment of a checked context.
func (t *Terms) triggerEnv(ctx ContextSpec) (*TriggerEnv, evidence) {
	asOf := ctx.AsOf
	env := &TriggerEnv{VendorInsolvent: ctx.Vendor.Insolvent, ChangeOfControl: ctx.Vendor.ChangeOfControl,
		StrategicChange: ctx.StrategicChange, ForceMajeureLimit: t.spec.ForceMajeureDays}
	ev := evidence{notes: map[Ground][]string{}}
	note := func(g Ground, format string, args ...any) {
		ev.notes[g] = append(ev.notes[g], fmt.Sprintf(format, args...))
	}

	var nonRenewal contract.Date
	cure := t.grounds[GroundMaterialBreach].Cure
	for _, n := range ctx.Notices {
		if n.Served.After(asOf) {
			continue
		}
		switch n.Kind {
		case NoticeNonRenewal:
			nonRenewal = earliest(nonRenewal, n.Served)
			note(GroundExpiry, "notice %s of non-renewal served by %s on %s", n.ID, n.Party, n.Served)
		case NoticeConvenience:
			env.ConvenienceNotice = true
			ev.convenienceServed = earliest(ev.convenienceServed, n.Served)
			note(GroundConvenience, "notice %s of termination for convenience served by %s on %s", n.ID, n.Party, n.Served)
		case NoticeBreach:
			env.BreachNotices++
			cureEnds := cure.AddTo(n.Served)
			remedied := !n.Remedied.IsZero() && !n.Remedied.After(cureEnds) && !n.Remedied.After(asOf)
			if !remedied && asOf.After(cureEnds) {
				env.UncuredBreaches++
				ev.firstUncured = earliest(ev.firstUncured, n.Served)
				note(GroundMaterialBreach, "breach notice %s (%s) served on %s, not remedied when the cure period ended on %s", n.ID, n.Subject, n.Served, cureEnds)
			}
		}
	}
	r := t.contract.Renewal(asOf, nonRenewal)
	ev.termEnd = r.Term.End
	env.DaysToTermEnd = asOf.DaysUntil(r.Term.End)
	env.TermEndsWithoutRenewal = r.Phase == contract.RenewalPhaseEnds || r.Phase == contract.RenewalPhaseEnded
	if env.TermEndsWithoutRenewal {
		note(GroundExpiry, "the term %s to %s ends without renewal (%s)", r.Term.Start, r.Term.End, r.Phase)
	}

	for _, f := range ctx.ForceMajeure {
		if f.Start.After(asOf) {
			continue
		}
		end := asOf
		if !f.End.IsZero() && f.End.Before(asOf) {
			end = f.End
		}
		days := f.Start.DaysUntil(end) + 1
		env.ForceMajeureDays = max(env.ForceMajeureDays, days)
		if env.ForceMajeureLimit > 0 && days > env.ForceMajeureLimit {
			note(GroundForceMajeure, "force majeure %s (%s) from %s: %d days, over the %d the contract allows", f.ID, f.Description, f.Start, days, env.ForceMajeureLimit)
		}
	}
	if ctx.Vendor.Insolvent {
		note(GroundInsolvency, "the provider is insolvent")
	}
	if ctx.Vendor.ChangeOfControl {
		note(GroundInsolvency, "the provider changed control")
	}
	if ctx.StrategicChange {
		note(GroundConvenience, "the customer's strategy changed")
	}
	t.slaEnv(env, ctx, note)
	return env, ev
}

// slaEnv reads the SLA reports up to the day: credits, the latest
// report's breach signals, and the reports at the cap.
func (t *Terms) slaEnv(env *TriggerEnv, ctx ContextSpec, note func(Ground, string, ...any)) {
	ended := make([]int, 0, len(ctx.SLAReports)) // indices: a report is large to copy
	for i, r := range ctx.SLAReports {
		if contract.DateOf(r.Period.End()).After(ctx.AsOf) {
			continue // the period has not ended at the day
		}
		ended = append(ended, i)
		env.Credits = env.Credits.Add(r.Credits.Amount())
	}
	env.SLAReports = len(ended)
	if len(ended) == 0 {
		return
	}
	latest := &ctx.SLAReports[ended[len(ended)-1]]
	for _, s := range latest.Signals {
		if s.Count == sla.BreachCountMissedMinimum {
			env.MissedMinimumInWindow = max(env.MissedMinimumInWindow, s.Counted)
		}
		if s.Triggered {
			env.SLASignals++
			note(GroundRepeatedSLAFailure, "%s: %s in %d of the last %d periods (%s; threshold %d)",
				latest.Period.Label(), signalWhat(s), s.Counted, s.Read, strings.Join(s.Periods, ", "), s.Threshold)
		}
	}
	for _, i := range ended[max(0, len(ended)-AtCapWindow):] {
		if r := &ctx.SLAReports[i]; r.AtCap {
			env.CreditsAtCap++
			note(GroundRepeatedSLAFailure, "%s: credits %s reached the cap", r.Period.Label(), r.Credits.Grouped())
		}
	}
}

// signalWhat says what a breach signal counted.
func signalWhat(s sla.Signal) string {
	switch s.Count {
	case sla.BreachCountAtCap:
		return "credits reached the cap"
	case sla.BreachCountMissedExpected:
		return "level " + s.Level + " missed its expected level"
	}
	return "level " + s.Level + " missed its minimum"
}

// earliest returns the earlier of a and b, a zero a counting as none.
func earliest(a, b contract.Date) contract.Date {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}
