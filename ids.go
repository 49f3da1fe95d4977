package outsourcing

import (
	"io"
	"strings"

	"github.com/google/uuid"
)

// Namespace returns the UUID namespace of this SDK's name-based
// identifiers, itself the version-5 UUID of the SDK's URL in the URL
// namespace. It is a function so no caller can change it for another.
func Namespace() uuid.UUID { return namespace }

var namespace = uuid.NewSHA1(uuid.NameSpaceURL, []byte("https://outsourcing-go.github.io"))

// StableID returns the name-based (version 5, RFC 9562 §5.5) UUID of the
// parts joined by "/" in namespace: the same parts always give the same
// id, on every machine, so audit records (a decision, a report, a
// settlement) can be named reproducibly from what they are about.
func StableID(namespace uuid.UUID, parts ...string) uuid.UUID {
	return uuid.NewSHA1(namespace, []byte(strings.Join(parts, "/")))
}

// RandomID returns a random (version 4) UUID read from r. The caller
// supplies the randomness — crypto/rand.Reader in production, a seeded
// source in tests — since this module reads no global random source.
func RandomID(r io.Reader) (uuid.UUID, error) {
	id, err := uuid.NewRandomFromReader(r)
	if err != nil {
		return uuid.Nil, &FieldError{Reason: "cannot read 16 random bytes: " + err.Error(), Cause: err}
	}
	return id, nil
}
