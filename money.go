package outsourcing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
	"github.com/shopspring/decimal"
)

// Money is an exact decimal amount in one ISO 4217 currency. Values are
// immutable; every operation returns a new Money. Amounts keep all their
// digits until Round or RoundTo is called, so a chain of calculations is
// rounded once, where a rule says so.
//
// The zero value, Money{}, means "no amount": it has no currency, IsZero
// reports true for it alone (so a field tagged omitzero keeps a real
// 0.00 EUR and drops an unset amount), it marshals to JSON null, and in
// arithmetic it acts as zero in the other operand's currency: adding it
// to an amount gives that amount.
type Money struct {
	amount   decimal.Decimal
	currency Currency
}

// NewMoney returns amount in the currency, or a *FieldError (path
// "/currency") when it is not an ISO 4217 currency.
func NewMoney(amount Decimal, currency Currency) (Money, error) {
	if !currency.Valid() {
		return Money{}, FieldErrorf("/currency", "%q is not an ISO 4217 currency code", text.Truncate(string(currency), 8))
	}
	return Money{amount: amount.v, currency: currency}, nil
}

// ParseMoney parses a decimal amount such as "1250.00" or "-3.5" in the
// currency. Exponents and float spellings (NaN, Inf) are rejected.
func ParseMoney(amount, currency string) (Money, error) {
	d, err := ParseDecimal(amount)
	if err != nil {
		return Money{}, AtPath("/amount", err)
	}
	return NewMoney(d, Currency(currency))
}

// MustMoney is ParseMoney for constants in tests, examples and presets; it
// panics on invalid input and must not be used on user data.
func MustMoney(amount, currency string) Money {
	m, err := ParseMoney(amount, currency)
	if err != nil {
		panic(err)
	}
	return m
}

// ZeroMoney returns zero in the currency: a real amount, unlike Money{}.
func ZeroMoney(c Currency) Money { return Money{amount: decimal.Zero, currency: c} }

// Amount returns the exact amount (0 for Money{}).
func (m Money) Amount() Decimal { return Decimal{v: m.amount} }

// Currency returns the currency.
func (m Money) Currency() Currency { return m.currency }

// IsZero reports whether m is Money{}, "no amount". A zero amount in a
// currency (ZeroMoney) is not: test it with m.Amount().IsZero().
func (m Money) IsZero() bool { return m.currency == "" }

// IsSet reports whether m is an amount in a currency, not Money{}.
func (m Money) IsSet() bool { return m.currency != "" }

// Add returns m + o, or ErrCurrencyMismatch when the currencies differ.
// Money{} adds as zero: m + Money{} is m.
func (m Money) Add(o Money) (Money, error) {
	c, err := m.common(o)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: m.amount.Add(o.amount), currency: c}, nil
}

// Sub returns m − o, or ErrCurrencyMismatch when the currencies differ.
// Money{} subtracts as zero.
func (m Money) Sub(o Money) (Money, error) {
	c, err := m.common(o)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: m.amount.Sub(o.amount), currency: c}, nil
}

// Mul returns m × f, exactly (no rounding).
func (m Money) Mul(f Decimal) Money {
	return Money{amount: m.amount.Mul(f.v), currency: m.currency}
}

// Neg returns −m.
func (m Money) Neg() Money { return Money{amount: m.amount.Neg(), currency: m.currency} }

// Abs returns |m|.
func (m Money) Abs() Money { return Money{amount: m.amount.Abs(), currency: m.currency} }

// Cmp compares m with o: −1, 0 or +1; ErrCurrencyMismatch when the
// currencies differ. 1.0 and 1.00 compare equal; Money{} compares as zero.
func (m Money) Cmp(o Money) (int, error) {
	if _, err := m.common(o); err != nil {
		return 0, err
	}
	return m.amount.Cmp(o.amount), nil
}

// Equal reports whether m and o have the same currency and numerically
// equal amounts (1.0 EUR equals 1.00 EUR); Money{} equals only Money{}.
func (m Money) Equal(o Money) bool {
	return m.currency == o.currency && m.amount.Equal(o.amount)
}

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.amount.IsPositive() }

// Round rounds to the currency's minor unit (cents for USD, none for JPY,
// fils for BHD) with the mode.
func (m Money) Round(mode RoundingMode) Money {
	return m.RoundTo(m.currency.MinorUnits(), mode)
}

// RoundTo rounds to places decimal places with the mode.
func (m Money) RoundTo(places int32, mode RoundingMode) Money {
	return Money{amount: mode.apply(m.amount, places), currency: m.currency}
}

// Min returns the smaller of m and o; ErrCurrencyMismatch when the
// currencies differ. With Money{} on one side it returns the other.
func (m Money) Min(o Money) (Money, error) {
	c, err := m.Cmp(o)
	switch {
	case err != nil:
		return Money{}, err
	case o.IsZero() || !m.IsZero() && c <= 0:
		return m, nil
	}
	return o, nil
}

// Max returns the larger of m and o; ErrCurrencyMismatch when the
// currencies differ. With Money{} on one side it returns the other.
func (m Money) Max(o Money) (Money, error) {
	c, err := m.Cmp(o)
	switch {
	case err != nil:
		return Money{}, err
	case o.IsZero() || !m.IsZero() && c >= 0:
		return m, nil
	}
	return o, nil
}

// Sum adds ms, all of which must be in currency c (Money{} counts as
// zero); the sum of nothing is zero in c. The first mismatch is reported
// with its index as the path ("/2").
func Sum(c Currency, ms ...Money) (Money, error) {
	total := decimal.Zero
	for i, m := range ms {
		if m.currency != c && !m.IsZero() {
			return Money{}, &FieldError{Path: jsonptr.Join(i),
				Reason: fmt.Sprintf("currency %s, want %s", m.currency, c), Err: ErrCurrencyMismatch}
		}
		total = total.Add(m.amount)
	}
	return Money{amount: total, currency: c}, nil
}

// Allocate splits m in proportion to ratios, in whole minor units of the
// currency, by the largest-remainder method: each part is first rounded
// toward zero, and the units left over go one each to the parts with the
// largest remainders (ties to the earlier part). The parts always sum
// exactly to m. m must already be a whole number of minor units (Round it
// first); ratios must be non-negative with a positive sum.
func (m Money) Allocate(ratios ...Decimal) ([]Money, error) {
	if len(ratios) == 0 {
		return nil, FieldErrorf("/ratios", "at least one ratio is required")
	}
	if m.IsZero() {
		return nil, FieldErrorf("/currency", "cannot allocate Money{}, which has no currency")
	}
	places := m.currency.MinorUnits()
	if !m.amount.Equal(m.amount.Truncate(places)) {
		return nil, FieldErrorf("/amount", "%s has more decimals than %s's %d minor digits", m.Amount(), m.currency, places)
	}
	total := decimal.Zero
	for i, r := range ratios {
		if r.IsNegative() {
			return nil, FieldErrorf(jsonptr.Join("ratios", i), "ratio %s is negative", r)
		}
		total = total.Add(r.v)
	}
	if total.IsZero() {
		return nil, FieldErrorf("/ratios", "ratios sum to zero")
	}
	units := m.amount.Abs().Shift(places).BigInt() // whole minor units to share
	unitsDec := decimal.NewFromBigInt(units, 0)
	parts := make([]decimal.Decimal, len(ratios))
	remainders := make([]decimal.Decimal, len(ratios))
	assigned := decimal.Zero
	for i, r := range ratios {
		// QuoRem divides exactly, whatever decimal.DivisionPrecision says;
		// the remainder (scaled by total) ranks the parts without rounding.
		parts[i], remainders[i] = unitsDec.Mul(r.v).QuoRem(total, 0)
		assigned = assigned.Add(parts[i])
	}
	order := make([]int, len(ratios))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return remainders[order[a]].Cmp(remainders[order[b]]) > 0 })
	left := unitsDec.Sub(assigned).IntPart()
	for k := int64(0); k < left; k++ {
		i := order[k]
		parts[i] = parts[i].Add(decimal.NewFromInt(1))
	}
	out := make([]Money, len(ratios))
	for i, p := range parts {
		amount := p.Shift(-places)
		if m.amount.IsNegative() {
			amount = amount.Neg()
		}
		out[i] = Money{amount: amount, currency: m.currency}
	}
	return out, nil
}

// Split divides m into n parts as equal as possible that sum exactly to m
// (Allocate with n equal ratios).
func (m Money) Split(n int) ([]Money, error) {
	if n <= 0 {
		return nil, FieldErrorf("/n", "cannot split into %d parts", n)
	}
	ratios := make([]Decimal, n)
	for i := range ratios {
		ratios[i] = DecimalFromInt(1)
	}
	return m.Allocate(ratios...)
}

// String formats m as "1250.00 EUR": the currency's minor digits, and
// further digits only where they are not trailing zeros (8400.0000 EUR
// prints 8400.00 EUR, 0.125 USD stays 0.125 USD). Money{} prints "none".
func (m Money) String() string {
	if m.IsZero() {
		return "none"
	}
	return m.formatAmount() + " " + string(m.currency)
}

// formatAmount writes the amount with the currency's minor digits and
// any further digits that are not trailing zeros: 8400.0000 EUR is
// "8400.00", 0.125 USD stays "0.125".
func (m Money) formatAmount() string {
	return m.amount.StringFixed(max(m.currency.MinorUnits(), Decimal{v: m.amount}.Trim().Places()))
}

type moneyJSON struct {
	Amount   string   `json:"amount"`
	Currency Currency `json:"currency"`
}

// MarshalJSON encodes {"amount":"1250.00","currency":"EUR"}: the amount is
// a string so no precision is lost; shopspring/decimal's package globals do
// not change the output. Money{} encodes as null.
func (m Money) MarshalJSON() ([]byte, error) {
	if m.IsZero() {
		return []byte("null"), nil
	}
	if !m.currency.Valid() {
		return nil, FieldErrorf("/currency", "%q is not an ISO 4217 currency code", string(m.currency))
	}
	return json.Marshal(moneyJSON{Amount: m.formatAmount(), Currency: m.currency})
}

// UnmarshalJSON decodes {"amount":"1250.00","currency":"EUR"}; the amount
// must be a decimal string, the currency an ISO 4217 code, and no other
// field is allowed. null decodes to Money{}. Errors are *FieldErrors whose
// paths ("/amount", "/currency") are relative to the money value.
func (m *Money) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*m = Money{}
		return nil
	}
	var raw moneyJSON
	if err := decodeStrict(data, &raw); err != nil {
		return err
	}
	parsed, err := ParseMoney(raw.Amount, string(raw.Currency))
	if err != nil {
		return err
	}
	*m = parsed
	return nil
}

// common returns the currency of an operation on m and o, where Money{}
// takes the other side's currency; ErrCurrencyMismatch when they differ.
func (m Money) common(o Money) (Currency, error) {
	switch {
	case m.currency == o.currency, o.IsZero():
		return m.currency, nil
	case m.IsZero():
		return o.currency, nil
	}
	return "", &FieldError{Path: "/currency", Reason: fmt.Sprintf("%s and %s", m.currency, o.currency), Err: ErrCurrencyMismatch}
}
