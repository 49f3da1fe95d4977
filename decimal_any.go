package outsourcing

import "github.com/shopspring/decimal"

// plainValue returns a dynamically typed result value ready for JSON: a
// decimal.Decimal, or a pointer to one, becomes a Decimal without trailing
// fractional zeros (TrimDecimal), so it is written as decimal.Decimal was
// under shopspring/decimal's default globals whatever a host has set;
// lists and maps are converted element by element; anything else is
// returned as is.
func plainValue(v any) any {
	switch x := v.(type) {
	case decimal.Decimal:
		return TrimDecimal(x)
	case *decimal.Decimal:
		if x != nil {
			return TrimDecimal(*x)
		}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plainValue(e)
		}
		return out
	case map[string]any:
		return plainMap(x)
	}
	return v
}

// plainMap applies plainValue to every value of m; nil stays nil.
func plainMap(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = plainValue(v)
	}
	return out
}
