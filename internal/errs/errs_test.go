package errs

import (
	"errors"
	"testing"
)

func TestPrefix(t *testing.T) {
	base := errors.New("bad")
	err := Prefix("sla", base)
	if err.Error() != "sla: bad" || !errors.Is(err, base) {
		t.Fatalf("got %v", err)
	}
	if Prefix("sla", nil) != nil {
		t.Fatal("nil must stay nil")
	}
}
