package scoring

import (
	"cmp"
	"container/heap"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
)

// TiePolicy says how tied alternatives are ranked.
type TiePolicy string

// Tie policies, shown for scores 9, 7, 7, 5.
const (
	// TiePolicyCompetition (the zero value "" means the same): 1, 2, 2, 4.
	TiePolicyCompetition TiePolicy = "competition"
	// TiePolicyDense: 1, 2, 2, 3.
	TiePolicyDense TiePolicy = "dense"
	// TiePolicyAverage (fractional): Ranked.FractionalRank 1, 2.5, 2.5, 4
	// beside the competition rank 1, 2, 2, 4.
	TiePolicyAverage TiePolicy = "average"
)

var tiePolicies = []TiePolicy{TiePolicyCompetition, TiePolicyDense, TiePolicyAverage}

// String returns the policy name.
func (p TiePolicy) String() string { return string(p) }

// MarshalText implements encoding.TextMarshaler; the empty value (competition) is allowed.
func (p TiePolicy) MarshalText() ([]byte, error) {
	if p == "" {
		return []byte{}, nil
	}
	return outsourcing.MarshalEnum(p, "tie policy", tiePolicies)
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown policies.
func (p *TiePolicy) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*p = ""
		return nil
	}
	return outsourcing.UnmarshalEnum(p, b, "tie policy", tiePolicies)
}

// RankOptions configures ranking. The zero value is competition ranking
// of exactly equal scores.
type RankOptions struct {
	// Policy numbers tied alternatives.
	Policy TiePolicy `json:"policy,omitempty"`
	// Tolerance: walking down the ordered scores, an alternative whose
	// score is within Tolerance of the first alternative of the current
	// tie group joins that group. Non-negative; 0 means exact ties only.
	Tolerance float64 `json:"tolerance,omitempty"`
}

// Ranked is one alternative's place in a ranking.
type Ranked struct {
	// Alternative is the alternative id and Index its row in the matrix.
	Alternative string `json:"alternative"`
	Index       int    `json:"index"`
	// Score is the method's value (Scores.Values).
	Score float64 `json:"score"`
	// Rank is 1 for the best: the competition rank (1, 2, 2, 4), or the
	// dense rank (1, 2, 2, 3) under TiePolicyDense.
	Rank int `json:"rank"`
	// FractionalRank is the mean of the positions the alternative's tie
	// group occupies (1, 2.5, 2.5, 4); set under TiePolicyAverage only.
	FractionalRank float64 `json:"fractional_rank,omitempty"`
}

func (o RankOptions) validate() error {
	if err := enumError("/policy", "tie policy", cmp.Or(o.Policy, TiePolicyCompetition), tiePolicies); err != nil {
		return err
	}
	if !isFinite(o.Tolerance) || o.Tolerance < 0 {
		return outsourcing.FieldErrorf("/tolerance", "tie tolerance %g must be finite and non-negative", o.Tolerance)
	}
	return nil
}

// better reports whether alternative a is ordered before b: a better
// score first, then (deterministic tie-break) the lower row index.
func better(s *Scores, a, b int) bool {
	va, vb := s.Values[a], s.Values[b]
	if va != vb {
		return va > vb == s.HigherIsBetter
	}
	return a < b
}

// Rank orders every alternative of s best first (ties broken by row
// order) and numbers them by opt. It sorts all m alternatives: O(m log m).
func Rank(s *Scores, opt RankOptions) ([]Ranked, error) {
	if err := opt.validate(); err != nil {
		return nil, wrap(err)
	}
	return numbered(s, sortedOrder(s), 0, opt), nil
}

// sortedOrder returns the row indices best first, ties by row order.
func sortedOrder(s *Scores) []int {
	order := make([]int, len(s.Values))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if better(s, a, b) {
			return -1
		}
		return 1
	})
	return order
}

// TopK returns the k best alternatives of s, best first, numbered by opt
// as in the full ranking, without sorting everything: O(m log k) with a
// bounded heap, plus one O(m) pass for average ranks of a tie group cut
// by k. k larger than the number of alternatives returns all of them.
func TopK(s *Scores, k int, opt RankOptions) ([]Ranked, error) {
	if err := opt.validate(); err != nil {
		return nil, wrap(err)
	}
	if k < 0 {
		return nil, wrap(outsourcing.FieldErrorf("/k", "k %d must not be negative", k))
	}
	k = min(k, len(s.Values))
	if k == 0 {
		return []Ranked{}, nil
	}
	h := &worstHeap{s: s, idx: make([]int, 0, k)}
	for i := range s.Values {
		switch {
		case len(h.idx) < k:
			heap.Push(h, i)
		case better(s, i, h.idx[0]):
			h.idx[0] = i
			heap.Fix(h, 0)
		}
	}
	order := make([]int, len(h.idx))
	for j := len(order) - 1; j >= 0; j-- {
		order[j] = heap.Pop(h).(int)
	}
	extra := 0
	if opt.Policy == TiePolicyAverage {
		// Count alternatives outside the top k tied with the last group.
		in := make(map[int]bool, k)
		for _, i := range order {
			in[i] = true
		}
		lead := s.Values[order[groupStart(s, order, opt.Tolerance)]]
		for i, v := range s.Values {
			if !in[i] && math.Abs(v-lead) <= opt.Tolerance {
				extra++
			}
		}
	}
	return numbered(s, order, extra, opt), nil
}

// groupStart returns the position of the leader of the last tie group.
func groupStart(s *Scores, order []int, tol float64) int {
	start := 0
	for p := 1; p < len(order); p++ {
		if math.Abs(s.Values[order[p]]-s.Values[order[start]]) > tol {
			start = p
		}
	}
	return start
}

// numbered assigns ranks along order; extra counts further members of the
// last tie group that lie beyond order (TopK with average ranks).
func numbered(s *Scores, order []int, extra int, opt RankOptions) []Ranked {
	out := make([]Ranked, len(order))
	dense := 0
	for start := 0; start < len(order); {
		end := start + 1
		for end < len(order) && math.Abs(s.Values[order[end]]-s.Values[order[start]]) <= opt.Tolerance {
			end++
		}
		dense++
		size := end - start
		if end == len(order) {
			size += extra
		}
		r, frac := start+1, 0.0
		switch opt.Policy {
		case TiePolicyDense:
			r = dense
		case TiePolicyAverage:
			frac = float64(start+1) + float64(size-1)/2
		}
		for p := start; p < end; p++ {
			i := order[p]
			out[p] = Ranked{Alternative: s.Alternatives[i], Index: i, Score: s.Values[i], Rank: r, FractionalRank: frac}
		}
		start = end
	}
	return out
}

// worstHeap keeps the k best seen so far with the worst on top.
type worstHeap struct {
	s   *Scores
	idx []int
}

// Len implements heap.Interface.
func (h *worstHeap) Len() int { return len(h.idx) }

// Less implements heap.Interface: the worst alternative is on top.
func (h *worstHeap) Less(a, b int) bool { return better(h.s, h.idx[b], h.idx[a]) }

// Swap implements heap.Interface.
func (h *worstHeap) Swap(a, b int) { h.idx[a], h.idx[b] = h.idx[b], h.idx[a] }

// Push implements heap.Interface.
func (h *worstHeap) Push(x any) { h.idx = append(h.idx, x.(int)) }

// Pop implements heap.Interface.
func (h *worstHeap) Pop() any {
	x := h.idx[len(h.idx)-1]
	h.idx = h.idx[:len(h.idx)-1]
	return x
}
