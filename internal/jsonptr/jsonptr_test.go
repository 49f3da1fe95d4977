package jsonptr

import "testing"

// Cases from RFC 6901 §5: the pointers for keys "a/b" and "m~n".
func TestJoin(t *testing.T) {
	cases := map[string]string{
		Join():                           "",
		Join("foo", 0):                   "/foo/0",
		Join("a/b"):                      "/a~1b",
		Join("m~n"):                      "/m~0n",
		Join(""):                         "/",
		Append("/levels", 2, "minimum"):  "/levels/2/minimum",
		Append("", "outages", 10, "end"): "/outages/10/end",
	}
	for got, want := range cases {
		if got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
