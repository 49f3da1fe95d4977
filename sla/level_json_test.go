package sla_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/outsourcing-go/outsourcing/sla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLevelReportWords: a level report's words are written when read, in
// its JSON where the fields were ("exact" after "actual", "reason" after
// "status", "credit_reason" after "credit_share"); a report read back
// keeps them; the caller's encoder decides on HTML escaping; unknown
// properties are refused.
func TestLevelReportWords(t *testing.T) {
	a := mustParse(t, `{"id":"w","credits":{"at_risk":"10"},"levels":[
		{"id":"up","name":"R&D <core>","metric":"availability","expected":"99.9","minimum":"99",
		 "credit":{"kind":"allocation","allocation":"100"}}]}`)
	start := at(t, "2024-04-01T00:00:00Z")
	in := sla.Input{Fees: usd("1000.00"), Outages: []sla.Outage{{Start: start.Add(time.Hour), End: start.Add(10 * time.Hour)}}}
	r, err := a.Report(in, mustPeriod(t, a, start), nil)
	require.NoError(t, err)
	l := r.Levels[0]
	assert.Equal(t, "395/4", l.Exact(), "100 × (720h − 9h) / 720h")
	assert.Equal(t, "98.75 misses the minimum 99 (9h0m0s down of 720h0m0s in 1 outage(s))", l.Reason())
	assert.Equal(t, "minimum missed: allocation 100% of at-risk 100.00 USD", l.CreditReason())

	b, err := json.Marshal(l)
	require.NoError(t, err)
	assert.Regexp(t, `"actual":"98.75","exact":"395/4","status":"missed","reason":"98.75 misses`, string(b))
	assert.Regexp(t, `"credit_share":"100","credit_reason":"minimum missed: `, string(b))
	assert.Contains(t, string(b), `"name":"R\u0026D \u003ccore\u003e"`)
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	require.NoError(t, enc.Encode(l))
	assert.Contains(t, raw.String(), `"name":"R&D <core>"`)

	var back sla.LevelReport
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, l.Reason(), back.Reason())
	assert.Equal(t, l.CreditReason(), back.CreditReason())
	assert.Equal(t, l.Exact(), back.Exact())
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again))

	var hand sla.LevelReport // built by hand: no words
	assert.Empty(t, hand.Reason()+hand.CreditReason()+hand.Exact())
	err = json.Unmarshal([]byte(`{"id":"up","reasons":"typo"}`), &back)
	assert.ErrorContains(t, err, `unknown field "reasons"`)
}
