package outsourcing

import (
	_ "embed"
	"encoding/json"
	"strings"
	"time"
)

//go:embed schema/calendar.schema.json
var calendarSchemaJSON []byte

// CalendarSchema validates calendar documents; its $id is
// https://outsourcing-go.github.io/schemas/calendar.schema.json, and other
// schemas refer to it for embedded calendars.
func CalendarSchema() *Schema { return calendarSchema }

var calendarSchema = MustRegisterSchema(calendarSchemaJSON)

// calendarJSON is the wire form of a Calendar.
type calendarJSON struct {
	TimeZone string    `json:"time_zone,omitempty"`
	Shifts   []Shift   `json:"shifts,omitempty"`
	Holidays []Holiday `json:"holidays,omitempty"`
}

// shiftJSON is the wire form of a Shift.
type shiftJSON struct {
	Day   string    `json:"day"`
	Start ClockTime `json:"start"`
	End   ClockTime `json:"end"`
}

// MarshalJSON encodes {"day":"monday","start":"09:00","end":"17:00"}.
func (s Shift) MarshalJSON() ([]byte, error) {
	if s.Day < time.Sunday || s.Day > time.Saturday {
		return nil, FieldErrorf("/day", "weekday %d out of range", int(s.Day))
	}
	return json.Marshal(shiftJSON{Day: strings.ToLower(s.Day.String()), Start: s.Start, End: s.End})
}

// UnmarshalJSON decodes the form MarshalJSON writes; the day is a lower-case
// English weekday name.
func (s *Shift) UnmarshalJSON(b []byte) error {
	var raw shiftJSON
	if err := decodeStrict(b, &raw); err != nil {
		return err
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		if strings.ToLower(d.String()) == raw.Day {
			*s = Shift{Day: d, Start: raw.Start, End: raw.End}
			return nil
		}
	}
	return FieldErrorf("/day", "unknown weekday %q", raw.Day)
}

// LoadCalendarLocation resolves an IANA time zone name for a calendar or
// agreement document: "" and "UTC" are UTC; "Local" is refused because it
// depends on the host. It reads Go's time zone database (the host's, or the
// one embedded by importing time/tzdata). An unknown name is a *FieldError
// for path.
func LoadCalendarLocation(path, name string) (*time.Location, error) {
	if name == "" || name == "UTC" {
		return time.UTC, nil
	}
	if name == "Local" {
		return nil, FieldErrorf(path, "time zone %q depends on the host; name an IANA zone", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, FieldErrorf(path, "unknown time zone %q", name)
	}
	return loc, nil
}

// ParseCalendar validates doc against CalendarSchema and builds the
// calendar. Errors are *FieldError values (ErrInvalidInput) with the path
// of the problem: schema violations, an unknown time zone, shifts or
// holidays NewCalendar rejects.
func ParseCalendar(doc []byte) (Calendar, error) {
	var raw calendarJSON
	if err := calendarSchema.Decode(doc, &raw); err != nil {
		return Calendar{}, wrapPkg(err)
	}
	c, err := raw.build()
	return c, wrapPkg(err)
}

func (raw calendarJSON) build() (Calendar, error) {
	loc, err := LoadCalendarLocation("/time_zone", raw.TimeZone)
	if err != nil {
		return Calendar{}, err
	}
	return NewCalendar(loc, raw.Shifts, raw.Holidays)
}

// MarshalJSON encodes the calendar in the form ParseCalendar reads. The
// time zone is written by name (time.Location.String), so a calendar built
// on a time.FixedZone does not read back.
func (c Calendar) MarshalJSON() ([]byte, error) {
	raw := calendarJSON{Shifts: c.shifts, Holidays: c.hdates}
	if name := c.Location().String(); name != "UTC" {
		raw.TimeZone = name
	}
	return json.Marshal(raw)
}

// UnmarshalJSON decodes a calendar as ParseCalendar does, without the
// schema check (the enclosing document's schema has made it); it is what
// lets other documents embed a calendar.
func (c *Calendar) UnmarshalJSON(b []byte) error {
	var raw calendarJSON
	if err := decodeStrict(b, &raw); err != nil {
		return err
	}
	built, err := raw.build()
	if err != nil {
		return err
	}
	*c = built
	return nil
}
