package vendors

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// LogItem is one entry of the negotiation and clarification log kept with
// the top-ranked vendors before the decision (Handbook §2.3): a question
// or a point under negotiation, who raised it, and how it was resolved.
type LogItem struct {
	ID     string  `json:"id"`
	Vendor string  `json:"vendor"`
	Kind   LogKind `json:"kind"`
	Topic  string  `json:"topic"`
	// Raised and RaisedBy say when and by whom the item was opened.
	Raised   time.Time `json:"raised"`
	RaisedBy string    `json:"raised_by,omitempty"`
	Status   LogStatus `json:"status"`
	// Resolution and Resolved record the outcome of a resolved item.
	Resolution string    `json:"resolution,omitempty"`
	Resolved   time.Time `json:"resolved,omitzero"`
}

// LogKind distinguishes clarifications from negotiation points.
type LogKind string

// Log item kinds.
const (
	LogClarification LogKind = "clarification"
	LogNegotiation   LogKind = "negotiation"
)

var logKinds = []LogKind{LogClarification, LogNegotiation}

// String returns the kind's name.
func (k LogKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k LogKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "log kind", logKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *LogKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "log kind", logKinds)
}

// LogStatus says whether a log item is still open.
type LogStatus string

// Log item statuses.
const (
	LogOpen     LogStatus = "open"
	LogResolved LogStatus = "resolved"
)

var logStatuses = []LogStatus{LogOpen, LogResolved}

// String returns the status name.
func (s LogStatus) String() string { return string(s) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown statuses.
func (s LogStatus) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(s, "log status", logStatuses)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown statuses.
func (s *LogStatus) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(s, text, "log status", logStatuses)
}

// OpenItems returns the items of log still open with vendor, in log order.
func OpenItems(log []LogItem, vendor string) []LogItem {
	var out []LogItem
	for _, it := range log {
		if it.Vendor == vendor && it.Status == LogOpen {
			out = append(out, it)
		}
	}
	return out
}
