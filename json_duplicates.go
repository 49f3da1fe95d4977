package outsourcing

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// jsonFrame is an open object or array while duplicateMember walks a document.
type jsonFrame struct {
	path   string          // pointer of the container
	keys   map[string]bool // member names seen; nil for an array
	member string          // the member whose value comes next
	index  int             // the next array index
	isKey  bool            // an object expecting a member name (or its end)
}

// duplicateMember returns a *FieldError at the first member name that
// occurs twice in one object of doc ({"amount":"1","amount":"1000"}), or
// nil. encoding/json and the schema validator would silently keep the last
// value, so an audited document could say two things at once. A document
// that is not well-formed returns nil: decoding reports that with its
// position.
func duplicateMember(doc []byte) error {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var stack []*jsonFrame
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		var top *jsonFrame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		delim, isDelim := tok.(json.Delim)
		if isDelim && (delim == '}' || delim == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return nil
			}
			stack[len(stack)-1].isKey = stack[len(stack)-1].keys != nil
			continue
		}
		if top != nil && top.isKey {
			name, _ := tok.(string)
			if top.keys[name] {
				return FieldErrorf(jsonptr.Append(top.path, name), "property given twice in one object")
			}
			top.keys[name], top.member, top.isKey = true, name, false
			continue
		}
		path := ""
		switch {
		case top == nil:
		case top.keys != nil:
			path = top.path + "/" + jsonptr.Escape(top.member)
			top.isKey = true
		default:
			path = top.path + "/" + strconv.Itoa(top.index)
			top.index++
		}
		switch {
		case isDelim && delim == '{':
			stack = append(stack, &jsonFrame{path: path, keys: map[string]bool{}, isKey: true})
		case isDelim:
			stack = append(stack, &jsonFrame{path: path})
		case top == nil:
			return nil // a scalar document
		}
	}
}
