package contract

import (
	"cmp"
	"errors"
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/sla"
)

// checker runs CompileContract's checks, in document order, and fills in
// the contract's derived figures.
type checker struct {
	c    *Contract
	errs problems
}

func (k *checker) fail(path, format string, args ...any) { k.errs.failf(path, format, args...) }

func joinProblems(errs []error) error { return errors.Join(errs...) }

func (k *checker) contract() {
	s := &k.c.spec
	if !s.Currency.Valid() {
		k.fail("/currency", "%q is not an ISO 4217 currency code", string(s.Currency))
	}
	k.parties()
	k.uniqueIDs("/scope/inclusions", len(s.Scope.Inclusions), func(i int) string { return s.Scope.Inclusions[i].ID })
	k.uniqueIDs("/scope/exclusions", len(s.Scope.Exclusions), func(i int) string { return s.Scope.Exclusions[i].ID })
	k.term()
	k.criteria()
	k.pricing()
	k.clauses()
	k.liability()
	k.governance()
	k.sla()
	k.transition()
	if len(k.errs) == 0 {
		k.figures()
		k.c.indexObligations()
	}
}

// uniqueIDs reports every id of a list that repeats an earlier one.
func (k *checker) uniqueIDs(list string, n int, id func(int) string) map[string]int {
	seen := make(map[string]int, n)
	for i := range n {
		if _, dup := seen[id(i)]; dup {
			k.fail(jsonptr.Append(list, i, "id"), "id %q is used twice", id(i))
			continue
		}
		seen[id(i)] = i
	}
	return seen
}

// amount checks that m is in the contract's currency and not negative.
func (k *checker) amount(path string, m outsourcing.Money) {
	switch {
	case m.Currency() != k.c.spec.Currency:
		k.errs.add(mismatch(path, m.Currency(), k.c.spec.Currency))
	case m.IsNegative():
		k.fail(path, "amount %s is negative", m)
	}
}

// span checks that a span which must be given is longer than zero.
func (k *checker) span(path string, s Span) {
	if s.IsZero() {
		k.fail(path, "the span must be longer than zero")
	}
	k.optionalSpan(path, s)
}

// optionalSpan checks that a span is not negative (Months(-1) in Go).
func (k *checker) optionalSpan(path string, s Span) {
	if s.months < 0 || s.days < 0 {
		k.fail(path, "the span %s is negative", s)
	}
}

// reaches checks that span s taken once from a date of the contract,
// forward or back, lands on a date a document can hold (years 1 to
// 9999), so that no date the contract derives from it (a cancel-by day,
// an alert, a renewal term, a lead time, the next occurrence) is one
// the date schema refuses; a negative or zero span is left to span and
// optionalSpan.
func (k *checker) reaches(path string, s Span, from Date, back bool) {
	if from.IsZero() || s.months < 0 || s.days < 0 {
		return
	}
	to, dir := s.AddTo(from), "after"
	if back {
		to, dir = s.SubtractFrom(from), "before"
	}
	if !to.written() {
		k.fail(path, "%s %s %s falls in the year %d, outside the years 1 to 9999", s, dir, from, to.Year())
	}
}

// ordered checks that from is not after until, both optional.
func (k *checker) ordered(fromPath string, from Date, untilPath string, until Date) {
	if !from.IsZero() && !until.IsZero() && until.Before(from) {
		k.fail(untilPath, "%s is before %s (%s)", until, from, fromPath)
	}
}

func (k *checker) parties() {
	s := &k.c.spec
	k.c.parties = k.uniqueIDs("/parties", len(s.Parties), func(i int) string { return s.Parties[i].ID })
	customers := 0
	for i, p := range s.Parties {
		if p.Role == PartyRoleCustomer {
			customers++
			if customers == 2 {
				k.fail(jsonptr.Join("parties", i, "role"), "a contract has exactly one customer")
			}
		}
		base := jsonptr.Join("parties", i, "signatories")
		k.uniqueIDs(base, len(p.Signatories), func(j int) string { return p.Signatories[j].ID })
		for j, sg := range p.Signatories {
			if sg.Limit.IsSet() {
				k.amount(jsonptr.Append(base, j, "limit"), sg.Limit)
			}
			k.ordered(jsonptr.Append(base, j, "from"), sg.From, jsonptr.Append(base, j, "until"), sg.Until)
		}
	}
	if customers == 0 {
		k.fail("/parties", "a contract has exactly one customer, and none is given")
	}
	if len(s.Parties)-customers < 1 {
		k.fail("/parties", "a contract needs at least one provider")
	}
}

func (k *checker) term() {
	t := k.c.spec.Term
	if t.End.Before(t.Start) {
		k.fail("/term/end", "the term ends on %s, before it starts on %s", t.End, t.Start)
	}
	if t.Renewal != nil {
		k.span("/term/renewal/term", t.Renewal.Term)
		if r := t.Renewal.Term; !r.IsZero() && r.months >= 0 && r.days >= 0 && k.c.lastTerm() < 1 {
			k.fail("/term/renewal/term", "a renewal term of %s after the term's end on %s would end after 9999-12-31, the last day a date is written in",
				r, t.End)
		}
	}
	k.optionalSpan("/term/notice", t.Notice)
	k.reaches("/term/notice", t.Notice, t.End, true)
	cancelBy := t.Notice.SubtractFrom(t.End)
	for i, a := range t.Alerts {
		k.span(jsonptr.Join("term", "alerts", i), a)
		if cancelBy.written() {
			k.reaches(jsonptr.Join("term", "alerts", i), a, cancelBy, true)
		}
	}
}

func (k *checker) criteria() {
	s := &k.c.spec
	ids := k.uniqueIDs("/acceptance", len(s.Acceptance), func(i int) string { return s.Acceptance[i].ID })
	k.c.criteria = make(map[string]bool, len(ids))
	for id := range ids {
		k.c.criteria[id] = true
	}
	for i, cr := range s.Acceptance {
		k.signOffBy(jsonptr.Join("acceptance", i, "sign_off_by"), cr.SignOffBy)
	}
}

// signOffBy checks the roles a criterion needs to sign it off: each
// named once and held by a customer signatory (by title or roles).
func (k *checker) signOffBy(base string, roles []string) {
	var customer []Signatory
	for _, p := range k.c.spec.Parties {
		if p.Role == PartyRoleCustomer {
			customer = append(customer, p.Signatories...)
		}
	}
	for j, role := range roles {
		path := jsonptr.Append(base, j)
		switch {
		case strings.TrimSpace(role) == "":
			k.fail(path, "a role needs a name")
		case slices.ContainsFunc(roles[:j], func(r string) bool { return strings.EqualFold(r, role) }):
			k.fail(path, "role %q is named twice", role)
		case !slices.ContainsFunc(customer, func(s Signatory) bool { return s.holds(role) }):
			k.errs.add(notFoundf(path, "no customer signatory holds the role %q, by title or roles", role))
		}
	}
}

// criterion checks a reference to an acceptance criterion.
func (k *checker) criterion(path, id string) {
	if !k.c.criteria[id] {
		k.errs.add(notFoundf(path, "no acceptance criterion %q", id))
	}
}

// references checks a list of ids at base: each named once (a repeat
// would count its item twice), and each checked by known.
func (k *checker) references(base string, ids []string, known func(path, id string)) {
	for j, id := range ids {
		path := jsonptr.Append(base, j)
		if slices.Contains(ids[:j], id) {
			k.fail(path, "%q is named twice", id)
			continue
		}
		known(path, id)
	}
}

// party checks a reference to a party.
func (k *checker) party(path, id string) {
	if _, ok := k.c.parties[id]; !ok {
		k.errs.add(notFoundf(path, "no party %q", id))
	}
}

func (k *checker) pricing() {
	p := &k.c.spec.Pricing
	k.uniqueIDs("/pricing/fees", len(p.Fees), func(i int) string { return p.Fees[i].ID })
	for i, f := range p.Fees {
		base := jsonptr.Join("pricing", "fees", i)
		k.amount(jsonptr.Append(base, "amount"), f.Amount)
		k.span(jsonptr.Append(base, "every"), f.Every)
		if f.Every.months != 0 && f.Every.days != 0 {
			k.fail(jsonptr.Append(base, "every"), "a fee period is whole months or years, or whole weeks or days, not %s", f.Every)
		}
		k.reaches(jsonptr.Append(base, "every"), f.Every, cmp.Or(f.From, k.c.spec.Term.Start), false)
		k.ordered(jsonptr.Append(base, "from"), f.From, jsonptr.Append(base, "until"), f.Until)
		k.withinTerm(jsonptr.Append(base, "from"), f.From)
		k.withinTerm(jsonptr.Append(base, "until"), f.Until)
	}
	k.uniqueIDs("/pricing/rate_card", len(p.RateCard), func(i int) string { return p.RateCard[i].ID })
	for i, r := range p.RateCard {
		k.amount(jsonptr.Join("pricing", "rate_card", i, "price"), r.Price)
	}
	k.uniqueIDs("/pricing/milestones", len(p.Milestones), func(i int) string { return p.Milestones[i].ID })
	for i, m := range p.Milestones {
		base := jsonptr.Join("pricing", "milestones", i)
		k.amount(jsonptr.Append(base, "amount"), m.Amount)
		k.withinTerm(jsonptr.Append(base, "due"), m.Due)
		k.references(jsonptr.Append(base, "criteria"), m.Criteria, k.criterion)
	}
	if p.Ceiling.IsSet() {
		k.amount("/pricing/ceiling", p.Ceiling)
	}
}

// withinTerm checks that an optional date lies in the initial term.
func (k *checker) withinTerm(path string, d Date) {
	t := k.c.spec.Term
	if !d.IsZero() && (d.Before(t.Start) || d.After(t.End)) {
		k.fail(path, "%s is outside the term %s to %s", d, t.Start, t.End)
	}
}

func (k *checker) clauses() {
	s := &k.c.spec
	k.c.clauses = k.uniqueIDs("/clauses", len(s.Clauses), func(i int) string { return s.Clauses[i].ID })
	seen := map[string]bool{}
	for i, cl := range s.Clauses {
		for j, o := range cl.Obligations {
			base := jsonptr.Join("clauses", i, "obligations", j)
			if seen[o.ID] {
				k.fail(jsonptr.Append(base, "id"), "obligation id %q is used twice", o.ID)
			}
			seen[o.ID] = true
			k.party(jsonptr.Append(base, "party"), o.Party)
			k.optionalSpan(jsonptr.Append(base, "every"), o.Every)
			k.reaches(jsonptr.Append(base, "every"), o.Every, o.Due, false)
			k.optionalSpan(jsonptr.Append(base, "lead"), o.Lead)
			k.reaches(jsonptr.Append(base, "lead"), o.Lead, o.Due, true)
			k.ordered(jsonptr.Append(base, "due"), o.Due, jsonptr.Append(base, "until"), o.Until)
			if !o.Every.IsZero() && o.Until.IsZero() && o.Due.After(s.Term.End) {
				k.fail(jsonptr.Append(base, "due"), "a recurring obligation without until recurs to the term's end on %s, before its first due date %s: it would never fall due", s.Term.End, o.Due)
			}
			if !o.Until.IsZero() && o.Every.IsZero() {
				k.fail(jsonptr.Append(base, "until"), "only a recurring obligation (with every) has an until date")
			}
		}
	}
}

func (k *checker) liability() {
	l := k.c.spec.Liability
	if l.Cap.Amount.IsSet() {
		k.amount("/liability/cap/amount", l.Cap.Amount)
	}
	for i, r := range l.RiskSharing {
		path := jsonptr.Join("liability", "risk_sharing", i, "provider_share")
		share := r.ProviderShare
		switch {
		case r.Bearer != BearerShared && !share.IsZero():
			k.fail(path, "only a shared risk has a provider share")
		case r.Bearer == BearerShared && !share.Between(outsourcing.MustPercent("0"), outsourcing.MustPercent("100")):
			k.fail(path, "a share is between 0 and 100 percent, not %s", share.Points())
		}
	}
}

func (k *checker) governance() {
	g := k.c.spec.Governance
	k.uniqueIDs("/governance/meetings", len(g.Meetings), func(i int) string { return g.Meetings[i].ID })
	for i, m := range g.Meetings {
		k.span(jsonptr.Join("governance", "meetings", i, "every"), m.Every)
		k.reaches(jsonptr.Join("governance", "meetings", i, "every"), m.Every, cmp.Or(m.First, k.c.spec.Term.Start), false)
	}
	for i, e := range g.Escalation {
		k.span(jsonptr.Join("governance", "escalation", i, "time_limit"), e.TimeLimit)
	}
}

func (k *checker) sla() {
	sched := k.c.spec.SLA
	if sched == nil {
		return
	}
	a, err := sla.CompileAgreement(sched.Agreement)
	if err != nil {
		k.errs.add(relocate("/sla/agreement", err))
		return
	}
	k.c.agreement = a
	k.measurement(sched)
}

// measurement checks that the SLA schedule measures every service level
// exactly once: each entry names a level of the agreement (ErrNotFound)
// not named before and states its method, and each level has an entry
// (reported at the level).
func (k *checker) measurement(sched *SLASchedule) {
	levels := make(map[string]bool, len(sched.Agreement.Levels))
	for _, l := range sched.Agreement.Levels {
		levels[l.ID] = true
	}
	measured := make(map[string]bool, len(sched.Measurement))
	for i, m := range sched.Measurement {
		path := jsonptr.Join("sla", "measurement", i)
		switch {
		case !levels[m.Level]:
			k.errs.add(notFoundf(jsonptr.Append(path, "level"), "no service level %q in the agreement", m.Level))
		case measured[m.Level]:
			k.fail(jsonptr.Append(path, "level"), "level %q is measured twice", m.Level)
		case strings.TrimSpace(m.Method) == "":
			k.fail(jsonptr.Append(path, "method"), "the measurement of level %q states no method", m.Level)
		}
		measured[m.Level] = true
	}
	for i, l := range sched.Agreement.Levels {
		if !measured[l.ID] {
			k.fail(jsonptr.Join("sla", "agreement", "levels", i), "service level %q has no entry in /sla/measurement stating how it is measured", l.ID)
		}
	}
}

// relocate moves an embedded document's errors under prefix: each
// FieldError keeps its reason and sentinel with prefix + its path; any
// other error (a rule that does not compile) becomes a FieldError at
// prefix with it as the cause, matching ErrRule. The other package's
// prefix is dropped with the wrapping.
func relocate(prefix string, err error) error {
	var out []error
	var walk func(error)
	walk = func(e error) {
		switch x := e.(type) {
		case *outsourcing.FieldError:
			moved := *x
			moved.Path = prefix + x.Path
			out = append(out, &moved)
		case *outsourcing.RuleError:
			out = append(out, &outsourcing.FieldError{Path: prefix, Reason: x.Error(), Err: outsourcing.ErrRule, Cause: x})
		case interface{ Unwrap() []error }:
			for _, c := range x.Unwrap() {
				walk(c)
			}
		case interface{ Unwrap() error }:
			walk(x.Unwrap())
		default:
			out = append(out, &outsourcing.FieldError{Path: prefix, Reason: e.Error(), Cause: e})
		}
	}
	walk(err)
	return errors.Join(out...)
}
