package vendors

import (
	"slices"
	"time"

	"github.com/outsourcing-go/outsourcing"
)

// CreditAgency is the agency that issued a credit rating.
type CreditAgency string

// Credit agencies whose long-term scales this package reads; any other
// agency's rating is kept but never counted as investment grade.
const (
	CreditAgencySP     CreditAgency = "sp_global"
	CreditAgencyMoodys CreditAgency = "moodys"
	CreditAgencyFitch  CreditAgency = "fitch"
	CreditAgencyOther  CreditAgency = "other"
)

var creditAgencies = []CreditAgency{CreditAgencySP, CreditAgencyMoodys, CreditAgencyFitch, CreditAgencyOther}

// String returns the agency's name.
func (a CreditAgency) String() string { return string(a) }

// MarshalText implements encoding.TextMarshaler; it rejects unknown agencies.
func (a CreditAgency) MarshalText() ([]byte, error) {
	return outsourcing.MarshalEnum(a, "credit agency", creditAgencies)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown agencies.
func (a *CreditAgency) UnmarshalText(text []byte) error {
	return outsourcing.UnmarshalEnum(a, text, "credit agency", creditAgencies)
}

// CreditRating is a long-term issuer credit rating ("BBB+", "Baa1").
type CreditRating struct {
	Agency CreditAgency `json:"agency"`
	Rating string       `json:"rating"`
	Date   time.Time    `json:"date"`
}

// Investment-grade long-term ratings: BBB- or better on the S&P Global
// and Fitch scales, Baa3 or better on Moody's (S&P Global Ratings
// Definitions; Moody's Rating Symbols and Definitions; Fitch Rating
// Definitions).
var (
	investmentGradeSP     = []string{"AAA", "AA+", "AA", "AA-", "A+", "A", "A-", "BBB+", "BBB", "BBB-"}
	investmentGradeMoodys = []string{"Aaa", "Aa1", "Aa2", "Aa3", "A1", "A2", "A3", "Baa1", "Baa2", "Baa3"}
)

// InvestmentGrade reports whether the rating is investment grade on its
// agency's scale; a rating of another agency is not.
func (c CreditRating) InvestmentGrade() bool {
	switch c.Agency {
	case CreditAgencySP, CreditAgencyFitch:
		return slices.Contains(investmentGradeSP, c.Rating)
	case CreditAgencyMoodys:
		return slices.Contains(investmentGradeMoodys, c.Rating)
	}
	return false
}
