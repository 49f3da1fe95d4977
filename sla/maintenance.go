package sla

import (
	"cmp"
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// RecurringWindow is an agreed maintenance window that repeats in the
// agreement's time zone: every week ("sunday 01:00–05:00") or once a month
// ("first sunday 01:00–05:00"). Start and End are local wall-clock times,
// so the window follows daylight-saving changes: a Sunday 01:00–05:00
// window in Europe/Berlin lasts three real hours on the day clocks go
// forward and five on the day they go back. An End at or before Start
// runs into the next day (saturday 22:00–02:00). An occurrence that falls
// wholly inside an hour skipped by the clocks does not happen; a wall time
// that does not exist, or exists twice, is resolved as time.Date resolves
// it (as the kernel's calendar does). From and Until bound the
// occurrences that happen, so that a contract change to the window is
// written as two windows, one until the change and one from it.
type RecurringWindow struct {
	// ID names the window in errors and in MaintenanceIn.
	ID string `json:"id,omitempty"`
	// Service limits the window to one service; "" means every service.
	Service string `json:"service,omitempty"`
	// Recurrence is weekly or monthly; "" means weekly.
	Recurrence Recurrence `json:"recurrence,omitempty"`
	// Week is the week of the month of a monthly window; weekly windows
	// leave it empty.
	Week WeekOfMonth `json:"week,omitempty"`
	// Day is the weekday the window starts on.
	Day Weekday `json:"day"`
	// Start is the local opening time, 00:00 to 23:59.
	Start outsourcing.ClockTime `json:"start"`
	// End is the local closing time, 00:01 to 24:00; at or before Start
	// means the next day.
	End outsourcing.ClockTime `json:"end"`
	// From, when set, is the first instant the window applies: an
	// occurrence starting before it does not happen.
	From *time.Time `json:"from,omitempty"`
	// Until, when set, is the instant from which the window no longer
	// applies: an occurrence starting at or after it does not happen. It
	// must be after From.
	Until *time.Time `json:"until,omitempty"`
}

// recurring is a compiled RecurringWindow.
type recurring struct {
	RecurringWindow
	day        time.Weekday
	nth        int // 0 weekly; 1–4 that weekday of the month; -1 the last
	start, end int // minutes after the start day's midnight; end > start
}

// ordinals maps a week of the month to recurring.nth.
var ordinals = map[WeekOfMonth]int{WeekOfMonthFirst: 1, WeekOfMonthSecond: 2, WeekOfMonthThird: 3,
	WeekOfMonthFourth: 4, WeekOfMonthLast: -1}

// on reports whether the window starts on the local date y-m-d (a date in
// UTC standing for the local calendar day).
func (r *recurring) on(date time.Time) bool {
	if date.Weekday() != r.day {
		return false
	}
	d := date.Day()
	switch r.nth {
	case 0:
		return true
	case -1:
		return date.AddDate(0, 0, 7).Month() != date.Month()
	}
	return (d-1)/7+1 == r.nth
}

// each calls fn, in time order, with the occurrences [s, e) of the window
// in loc that overlap [from, to), until fn returns false.
func (r *recurring) each(loc *time.Location, from, to time.Time, fn func(s, e time.Time) bool) {
	lf, lt := from.In(loc), to.In(loc)
	// Begin a day early: an occurrence that started the day before may
	// still be running at from.
	date := time.Date(lf.Year(), lf.Month(), lf.Day()-1, 0, 0, 0, 0, time.UTC)
	last := time.Date(lt.Year(), lt.Month(), lt.Day(), 0, 0, 0, 0, time.UTC)
	date = date.AddDate(0, 0, (int(r.day)-int(date.Weekday())+7)%7)
	for ; !date.After(last); date = date.AddDate(0, 0, 7) {
		if !r.on(date) {
			continue
		}
		y, m, d := date.Date()
		s := time.Date(y, m, d, 0, r.start, 0, 0, loc)
		e := time.Date(y, m, d, 0, r.end, 0, 0, loc)
		if !e.After(s) || !e.After(from) || !s.Before(to) || !r.valid(s) {
			continue // wholly inside a skipped hour, outside [from, to) or not in force
		}
		if !fn(s, e) {
			return
		}
	}
}

// valid reports whether an occurrence starting at s is in force.
func (r *recurring) valid(s time.Time) bool {
	return (r.From == nil || !s.Before(*r.From)) && (r.Until == nil || s.Before(*r.Until))
}

// validityMeets reports whether two windows are in force at some common
// instant.
func validityMeets(x, y *recurring) bool {
	from := func(r *recurring) time.Time {
		if r.From == nil {
			return time.Unix(minUnix, 0)
		}
		return *r.From
	}
	until := func(r *recurring) time.Time {
		if r.Until == nil {
			return time.Unix(maxUnix, 0)
		}
		return *r.Until
	}
	return from(x).Before(until(y)) && from(y).Before(until(x))
}

// scopesMeet reports whether windows for services a and b can apply to the
// same service ("" is every service).
func scopesMeet(a, b string) bool { return a == "" || b == "" || a == b }

// maintenance checks and compiles the one-off and recurring windows;
// windows whose services meet may not overlap.
func (c *compiler) maintenance() {
	ws := c.a.spec.Maintenance
	for i, w := range ws {
		if !w.End.After(w.Start) {
			c.fail(jsonptr.Join("maintenance", i, "end"), "window %q ends at %s, not after its start %s", w.ID,
				w.End.Format(time.RFC3339), w.Start.Format(time.RFC3339))
		}
	}
	order := make([]int, len(ws)) // indexes of ws by start
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return ws[x].Start.Compare(ws[y].Start) })
	sorted := make([]Window, len(ws))
	for i, k := range order {
		sorted[i] = ws[k]
	}
	for i := range sorted {
		for j := i + 1; j < len(sorted) && sorted[j].Start.Before(sorted[i].End); j++ {
			if scopesMeet(sorted[i].Service, sorted[j].Service) {
				c.fail(jsonptr.Join("maintenance", order[j]), "windows %q and %q overlap", sorted[i].ID, sorted[j].ID)
			}
		}
	}
	c.a.maint = sorted
	c.recurring()
}

// recurring compiles the recurring windows and rejects overlaps between
// them (judged on local wall-clock time) and with one-off windows.
func (c *compiler) recurring() {
	var ok []*recurring
	for i, w := range c.a.spec.RecurringMaintenance {
		if r := c.recurringWindow(i, w); r != nil {
			ok = append(ok, r)
		}
	}
	if len(ok) != len(c.a.spec.RecurringMaintenance) {
		return
	}
	c.a.recur = ok
	wall := wallOccurrences(ok)
	for i, x := range ok {
		for j := i + 1; j < len(ok); j++ {
			if y := ok[j]; scopesMeet(x.Service, y.Service) && validityMeets(x, y) {
				if at, hit := firstOverlap(wall[i], wall[j]); hit {
					c.fail(jsonptr.Join("recurring_maintenance", j), "recurring windows %q and %q overlap (as on %s)", x.ID, y.ID,
						time.Unix(0, at).UTC().Format("2006-01-02"))
				}
			}
		}
		for k, w := range c.a.spec.Maintenance {
			if !scopesMeet(x.Service, w.Service) || !w.End.After(w.Start) {
				continue
			}
			x.each(c.a.loc, w.Start, w.End, func(s, _ time.Time) bool {
				c.fail(jsonptr.Join("maintenance", k), "window %q overlaps recurring window %q on %s", w.ID, x.ID,
					s.In(c.a.loc).Format("2006-01-02"))
				return false
			})
		}
	}
}

func (c *compiler) recurringWindow(i int, w RecurringWindow) *recurring {
	path := jsonptr.Join("recurring_maintenance", i)
	n := len(c.errs)
	r := &recurring{RecurringWindow: w, start: int(w.Start), end: int(w.End)}
	day, ok := w.Day.Weekday()
	if !ok {
		c.fail(jsonptr.Append(path, "day"), "window %q: unknown day %q", w.ID, w.Day)
	}
	r.day = day
	switch w.Recurrence {
	case "", RecurrenceWeekly:
		if w.Week != "" {
			c.fail(jsonptr.Append(path, "week"), "window %q: a weekly window has no week of the month", w.ID)
		}
	case RecurrenceMonthly:
		if r.nth, ok = ordinals[w.Week]; !ok {
			c.fail(jsonptr.Append(path, "week"), "window %q: a monthly window needs a week of the month (first … fourth, last), not %q",
				w.ID, w.Week)
		}
	default:
		c.fail(jsonptr.Append(path, "recurrence"), "window %q: unknown recurrence %q", w.ID, w.Recurrence)
	}
	switch {
	case w.Start < 0 || w.Start >= outsourcing.ClockTimeOf(24, 0):
		c.fail(jsonptr.Append(path, "start"), "window %q: start %d must be 00:00 to 23:59", w.ID, int(w.Start))
	case w.End <= 0 || w.End > outsourcing.ClockTimeOf(24, 0):
		c.fail(jsonptr.Append(path, "end"), "window %q: end %d must be 00:01 to 24:00", w.ID, int(w.End))
	case w.Start == w.End:
		c.fail(jsonptr.Append(path, "end"), "window %q starts and ends at %s", w.ID, w.Start)
	case w.End < w.Start:
		r.end += 24 * 60
	}
	if w.From != nil && w.Until != nil && !w.Until.After(*w.From) {
		c.fail(jsonptr.Append(path, "until"), "window %q: until %s is not after from %s", w.ID,
			w.Until.Format(time.RFC3339), w.From.Format(time.RFC3339))
	}
	if len(c.errs) > n {
		return nil
	}
	return r
}

// wallOccurrences expands each window in local wall-clock time (UTC
// standing for the zone, so no daylight-saving shifts) over a horizon that
// shows every overlap between two of them: weekly windows repeat every
// week, so three weeks suffice; with a monthly window the horizon is 28
// years, the cycle after which weekdays fall on the same dates again
// (between 1901 and 2099).
func wallOccurrences(rs []*recurring) [][]span {
	from := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(0, 0, 21)
	for _, r := range rs {
		if r.nth != 0 {
			to = from.AddDate(28, 0, 0)
		}
	}
	out := make([][]span, len(rs))
	for i, r := range rs {
		always := *r // validity is judged apart, by validityMeets
		always.From, always.Until = nil, nil
		always.each(time.UTC, from, to, func(s, e time.Time) bool {
			out[i] = append(out[i], span{s.UnixNano(), e.UnixNano()})
			return true
		})
	}
	return out
}

// firstOverlap returns where two sorted lists of disjoint spans first
// overlap.
func firstOverlap(xs, ys []span) (int64, bool) {
	i, j := 0, 0
	for i < len(xs) && j < len(ys) {
		if s := max(xs[i].s, ys[j].s); s < min(xs[i].e, ys[j].e) {
			return s, true
		}
		if xs[i].e <= ys[j].e {
			i++
		} else {
			j++
		}
	}
	return 0, false
}

// maintenanceIn returns the level's maintenance (one-off windows and
// recurring occurrences) overlapping [s, e) in Unix nanoseconds, sorted and
// merged.
func (a *Agreement) maintenanceIn(p *prepared, l *level, s, e int64) []span {
	out := slices.Clone(within(p.maint, s, e))
	from, to := time.Unix(0, s), time.Unix(0, e)
	for _, r := range a.recur {
		if scopesMeet(r.Service, l.Service) {
			r.each(a.loc, from, to, func(ws, we time.Time) bool {
				out = append(out, span{ws.UnixNano(), we.UnixNano()})
				return true
			})
		}
	}
	return mergeSpans(out, nil)
}

// MaintenanceIn returns the agreement's maintenance windows that overlap
// [from, to): the one-off windows as written and each occurrence of the
// recurring windows, expanded in the agreement's zone (carrying the
// recurring window's ID and Service), sorted by start, then ID. The same
// arguments always give the same windows.
func (a *Agreement) MaintenanceIn(from, to time.Time) []Window {
	if a == nil {
		return nil
	}
	var out []Window
	for _, w := range a.maint {
		if w.Start.Before(to) && w.End.After(from) {
			out = append(out, w)
		}
	}
	for _, r := range a.recur {
		r.each(a.loc, from, to, func(s, e time.Time) bool {
			out = append(out, Window{ID: r.ID, Service: r.Service, Start: s, End: e})
			return true
		})
	}
	slices.SortStableFunc(out, func(x, y Window) int {
		return cmp.Or(x.Start.Compare(y.Start), cmp.Compare(x.ID, y.ID))
	})
	return out
}
