package risk

import (
	"regexp"
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/text"
)

// Category classifies a risk. The handbook's eight categories (Handbook
// §5.1) are constants; an organisation adds its own as "custom:<name>"
// (see CustomCategory).
type Category string

// The handbook's eight risk categories (Handbook §5.1).
const (
	// CategoryInformationSecurity: data leaks, unauthorised access, weak vendor security.
	CategoryInformationSecurity Category = "information_security"
	// CategoryServiceQuality: missed service levels, poor delivery quality.
	CategoryServiceQuality Category = "service_quality"
	// CategorySupplier: financial deterioration, key-staff loss, capability
	// decline, mergers, breach, bankruptcy of the vendor.
	CategorySupplier Category = "supplier"
	// CategoryContract: vague terms, unmeasurable SLAs, unbalanced liability.
	CategoryContract Category = "contract"
	// CategoryBusinessContinuity: long outages, disasters, loss of service.
	CategoryBusinessContinuity Category = "business_continuity"
	// CategoryCompliance: data protection, privacy, labour and tax law.
	CategoryCompliance Category = "compliance"
	// CategoryCommunication: communication and collaboration (culture, language, distance).
	CategoryCommunication Category = "communication_collaboration"
	// CategoryIntellectualProperty: ownership and leakage of intellectual property.
	CategoryIntellectualProperty Category = "intellectual_property"
)

// HandbookCategories lists the eight categories of Handbook §5.1 in the
// handbook's order.
func HandbookCategories() []Category {
	return []Category{
		CategoryInformationSecurity, CategoryServiceQuality, CategorySupplier, CategoryContract,
		CategoryBusinessContinuity, CategoryCompliance, CategoryCommunication, CategoryIntellectualProperty,
	}
}

// customPrefix marks an organisation's own category.
const customPrefix = "custom:"

var customName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// CustomCategory returns the custom category "custom:<name>"; name is 1 to
// 64 lower-case letters, digits, '_' or '-', starting with a letter or
// digit. Any other name is a *outsourcing.FieldError (path "", the name)
// matching outsourcing.ErrInvalidInput.
func CustomCategory(name string) (Category, error) {
	c, err := customCategory("", name)
	return c, wrap(err)
}

func customCategory(path, name string) (Category, error) {
	if !customName.MatchString(name) {
		return "", outsourcing.FieldErrorf(path, "custom category name %q must be 1-64 of a-z, 0-9, '_', '-'", text.Truncate(name, 40))
	}
	return Category(customPrefix + name), nil
}

// IsCustom reports whether c is an organisation's own category.
func (c Category) IsCustom() bool { return strings.HasPrefix(string(c), customPrefix) }

// String returns the category name.
func (c Category) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown categories.
func (c Category) MarshalText() ([]byte, error) {
	if _, err := parseCategory("", string(c)); err != nil {
		return nil, err
	}
	return []byte(c), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it accepts the eight
// handbook categories and well-formed "custom:<name>" categories.
func (c *Category) UnmarshalText(text []byte) error {
	v, err := parseCategory("", string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// ParseCategory returns s as a Category: one of HandbookCategories or a
// well-formed "custom:<name>". Anything else is a *outsourcing.FieldError
// (path "", the string) matching outsourcing.ErrInvalidInput.
func ParseCategory(s string) (Category, error) {
	c, err := parseCategory("", s)
	return c, wrap(err)
}

// parseCategory is ParseCategory reporting at path.
func parseCategory(path, s string) (Category, error) {
	if name, ok := strings.CutPrefix(s, customPrefix); ok {
		return customCategory(path, name)
	}
	if err := enumError(path, "category", s, HandbookCategories()); err != nil {
		return "", err
	}
	return Category(s), nil
}
