package vendors

import (
	"time"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Recognition records an incentive given to a vendor for performance
// beyond expectations (Handbook §6.4): an award, a fee bonus, more
// business, preferred status.
type Recognition struct {
	ID         string            `json:"id"`
	Vendor     string            `json:"vendor"`
	Date       time.Time         `json:"date"`
	Kind       RecognitionKind   `json:"kind"`
	Reason     string            `json:"reason"`
	Amount     outsourcing.Money `json:"amount,omitzero"`
	ApprovedBy string            `json:"approved_by,omitempty"`
}

// RecognitionsSpec is a document of recognition records and the currency
// their amounts are totalled in (schema/recognitions.schema.json):
//
//	{"currency": "EUR", "records": [{"id": "R1", "vendor": "acme", "date": "…", "kind": "bonus",
//	  "reason": "zero P1 incidents", "amount": {"amount": "5000", "currency": "EUR"}}]}
//
// Total one vendor's with RecognitionTotal(spec.Records, vendor, spec.Currency).
type RecognitionsSpec struct {
	Currency outsourcing.Currency `json:"currency,omitempty"`
	Records  []Recognition        `json:"records"`
}

// ParseRecognitions validates doc against RecognitionsSchema and decodes
// it (numbers exact, unknown fields rejected). Problems are
// *outsourcing.FieldError values at JSON pointers into doc
// ("/records/1/kind").
func ParseRecognitions(doc []byte) (RecognitionsSpec, error) {
	return parse[RecognitionsSpec](recognitionsSchema, doc)
}

// RecognitionKind is the form of a recognition.
type RecognitionKind string

// Recognition kinds.
const (
	RecognitionAward           RecognitionKind = "award"
	RecognitionBonus           RecognitionKind = "bonus"
	RecognitionMoreBusiness    RecognitionKind = "more_business"
	RecognitionPreferredStatus RecognitionKind = "preferred_status"
)

var recognitionKinds = []RecognitionKind{RecognitionAward, RecognitionBonus, RecognitionMoreBusiness, RecognitionPreferredStatus}

// String returns the kind's name.
func (k RecognitionKind) String() string { return string(k) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown kinds.
func (k RecognitionKind) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(k, "recognition kind", recognitionKinds)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown kinds.
func (k *RecognitionKind) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(k, text, "recognition kind", recognitionKinds)
}

// RecognitionTotal counts the records of vendor and sums their amounts in
// currency c (exact, unrounded). A record without a reason is a
// *FieldError at "/records/i/reason", an id given to an earlier record
// (counting one recognition twice) at "/records/i/id"; an amount in
// another currency at
// "/records/i/amount", matching ErrCurrencyMismatch (the pointers of a
// RecognitionsSpec document).
func RecognitionTotal(records []Recognition, vendor string, c outsourcing.Currency) (int, outsourcing.Money, error) {
	total, n := outsourcing.ZeroMoney(c), 0
	first := make(map[string]int, len(records))
	for i, r := range records {
		if j, dup := first[r.ID]; dup {
			return 0, outsourcing.Money{}, wrap(outsourcing.FieldErrorf(jsonptr.Join("records", i, "id"), "recognition %q repeats /records/%d", r.ID, j))
		}
		first[r.ID] = i
		if r.Vendor != vendor {
			continue
		}
		if r.Reason == "" {
			return 0, outsourcing.Money{}, wrap(outsourcing.FieldErrorf(jsonptr.Join("records", i, "reason"), "vendor %q: recognition %q has no reason",
				vendor, r.ID))
		}
		if !r.Amount.IsZero() && r.Amount.Currency() != c {
			return 0, outsourcing.Money{}, wrap(outsourcing.FieldErrorOf(outsourcing.ErrCurrencyMismatch, jsonptr.Join("records", i, "amount"),
				"vendor %q: amount in %s, the total is in %s", vendor, r.Amount.Currency(), c))
		}
		sum, err := total.Add(r.Amount)
		if err != nil {
			return 0, outsourcing.Money{}, wrap(outsourcing.AtPath(jsonptr.Join("records", i, "amount"), err))
		}
		total = sum
		n++
	}
	return n, total, nil
}
