package vendors

import (
	"testing"

	"github.com/outsourcing-go/outsourcing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reviewAt is a review of vendor "acme" for the quarter starting q
// quarters after day0, rated r on quality and 1 on the other aspects.
func reviewAt(q int, quality string) Review {
	one := outsourcing.MustDecimal("1")
	return Review{Vendor: "acme", Start: day0.AddDate(0, 3*q, 0), End: day0.AddDate(0, 3*q+3, 0),
		Ratings: ReviewRatings{Quality: outsourcing.MustDecimal(quality), Responsiveness: one, ProblemSolving: one, CostControl: one, Innovation: one}}
}

// TestReviewTrendAtTheThreshold: on a 1 to 5 scale the default stable
// slope, 2 % of the range, is 0.08 a review. Overall ratings of 1 and
// (1.4 + 4) / 5 = 1.08 rise by exactly 0.08, which is stable; float64
// computes the slope as 0.08000000000000007 and, before, called it
// improving. A slope a hair above the threshold still improves, and the
// same fall declines only beyond it.
func TestReviewTrendAtTheThreshold(t *testing.T) {
	opt := ReviewOptions{Scale: Scale{Min: outsourcing.MustDecimal("1"), Max: outsourcing.MustDecimal("5")}}
	for _, tc := range []struct {
		first, second string
		want          Direction
	}{
		{"1", "1.4", DirectionStable},
		{"1.4", "1", DirectionStable},
		{"1", "1.40001", DirectionImproving},
		{"1.40001", "1", DirectionDeclining},
	} {
		got, err := SummarizeReviews([]Review{reviewAt(0, tc.first), reviewAt(1, tc.second)}, opt)
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, tc.want, got[0].Direction, "%s then %s: slope %v", tc.first, tc.second, got[0].Slope)
	}
	opt.StableSlope = outsourcing.MustDecimal("0.025") // 0.1 a review: 0.08 is now well inside
	got, err := SummarizeReviews([]Review{reviewAt(0, "1"), reviewAt(1, "1.40001")}, opt)
	require.NoError(t, err)
	assert.Equal(t, DirectionStable, got[0].Direction)
}

// TestReviewEmptyPeriod: a review whose end equals its start is refused
// with a reason that says so; before, it read "review ends before it
// starts", which it does not.
func TestReviewEmptyPeriod(t *testing.T) {
	r := reviewAt(0, "3")
	r.End = r.Start
	_, err := SummarizeReviews([]Review{r}, ReviewOptions{Scale: Scale{Min: outsourcing.MustDecimal("1"), Max: outsourcing.MustDecimal("5")}})
	assertProblem(t, err, outsourcing.ErrInvalidInput, "/reviews/0/end", "not after it starts", "2025-01-01T00:00:00Z")
	assert.NotContains(t, err.Error(), "before it starts")
}
