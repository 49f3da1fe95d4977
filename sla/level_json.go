package sla

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sync"
)

// levelWire is LevelReport's JSON form as a struct type: its exported
// fields in order, each followed where the report's words belong by the
// words as string fields — "exact" after "actual", "reason" after
// "status", "credit_reason" after "credit_share" — so the JSON is what it
// was when the words were fields. It is built once from LevelReport, so a
// field added to LevelReport is in its JSON form too.
type levelWire struct {
	typ                   reflect.Type
	field                 []int // field[i]: the wire field of LevelReport's field i; -1 when unexported
	exact, reason, credit int   // the wire fields of the words
}

// levelWords returns LevelReport's levelWire, built on first use.
var levelWords = sync.OnceValue(func() levelWire {
	src := reflect.TypeFor[LevelReport]()
	w := levelWire{field: make([]int, src.NumField())}
	var fields []reflect.StructField
	add := func(name, tag string) int {
		fields = append(fields, reflect.StructField{Name: name, Type: reflect.TypeFor[string](), Tag: reflect.StructTag(`json:"` + tag + `"`)})
		return len(fields) - 1
	}
	for i := range src.NumField() {
		f := src.Field(i)
		w.field[i] = -1
		if !f.IsExported() {
			continue
		}
		fields = append(fields, reflect.StructField{Name: f.Name, Type: f.Type, Tag: f.Tag})
		w.field[i] = len(fields) - 1
		switch f.Name {
		case "Actual":
			w.exact = add("Exact", "exact,omitempty")
		case "Status":
			w.reason = add("Reason", "reason")
		case "CreditShare":
			w.credit = add("CreditReason", "credit_reason,omitempty")
		}
	}
	w.typ = reflect.StructOf(fields)
	return w
})

// wire returns l in its JSON form, addressable.
func (w levelWire) wire(l *LevelReport) reflect.Value {
	v := reflect.New(w.typ).Elem()
	src := reflect.ValueOf(l).Elem()
	for i, j := range w.field {
		if j >= 0 {
			v.Field(j).Set(src.Field(i))
		}
	}
	v.Field(w.exact).SetString(l.Exact())
	v.Field(w.reason).SetString(l.Reason())
	v.Field(w.credit).SetString(l.CreditReason())
	return v
}

// MarshalJSON writes the level report with its words (Reason,
// CreditReason, Exact) where they belong.
func (l LevelReport) MarshalJSON() ([]byte, error) {
	v := levelWords().wire(&l)
	// The caller's encoder escapes HTML, or not, as it was told to.
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v.Addr().Interface()); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads a level report as MarshalJSON writes it; the report
// keeps the words it was read with. Properties it does not know are
// refused, as the package's documents refuse them.
func (l *LevelReport) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		return nil
	}
	w := levelWords()
	v := w.wire(l) // what the JSON does not set stays as it was
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v.Addr().Interface()); err != nil {
		return err
	}
	dst := reflect.ValueOf(l).Elem()
	for i, j := range w.field {
		if j >= 0 {
			dst.Field(i).Set(v.Field(j))
		}
	}
	l.text = levelText{told: detailRead, exact: v.Field(w.exact).String(), note: v.Field(w.reason).String(),
		credit: v.Field(w.credit).String()}
	return nil
}
