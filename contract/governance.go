package contract

import (
	"cmp"
	"slices"
)

// MeetingDate is one governance meeting on the calendar.
type MeetingDate struct {
	// Meeting is the meeting's id; Name its title.
	Meeting string `json:"meeting"`
	Name    string `json:"name"`
	// On is the day.
	On Date `json:"on"`
}

// Meetings returns the governance meetings within p (both ends
// inclusive), by day and then in contract order: each meeting recurs
// every Every from its First day (the term's start when absent), counted
// from that anchor so monthly meetings on the 31st stay on month ends
// (Handbook §4.2 communication cadence, §6.2 regular meetings).
func (c *Contract) Meetings(p Period) []MeetingDate {
	var out []MeetingDate
	for _, m := range c.spec.Governance.Meetings {
		occurrences(cmp.Or(m.First, c.spec.Term.Start), m.Every, p.Start, p.End, func(_ int, d Date) bool {
			out = append(out, MeetingDate{Meeting: m.ID, Name: m.Name, On: d})
			return true
		})
	}
	slices.SortStableFunc(out, func(a, b MeetingDate) int { return a.On.Compare(b.On) })
	return out
}
