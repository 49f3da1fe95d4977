package scoring

import (
	"fmt"
	"strings"
)

// Node is one element of an AHP hierarchy. An inner node compares its
// Children (Comparisons is len(Children)×len(Children)); a leaf (no
// Children) is a criterion under which the alternatives are compared
// (Comparisons is alternatives×alternatives).
type Node struct {
	// Name labels the node in reports.
	Name string `json:"name"`
	// Comparisons is the pairwise matrix of the children or alternatives.
	Comparisons *Pairwise `json:"-"`
	// Children are the sub-criteria, in the order of Comparisons.
	Children []Node `json:"children,omitempty"`
}

// NodeReport is the synthesis of one node: its weights and consistency.
type NodeReport struct {
	// Path is the node's names from the root joined by " / ".
	Path string `json:"path"`
	// GlobalWeight is the product of local weights from the root (1 at the root).
	GlobalWeight float64 `json:"global_weight"`
	// AHP is the node's own comparison result.
	AHP AHPResult `json:"ahp"`
}

// HierarchyResult is the synthesis of a whole hierarchy.
type HierarchyResult struct {
	// Priorities are the global priorities of the alternatives, summing to 1.
	Priorities []float64 `json:"priorities"`
	// Nodes reports every node, depth first, root first.
	Nodes []NodeReport `json:"nodes"`
	// Consistent is true when every node's CR is within the threshold.
	Consistent bool `json:"consistent"`
}

// SynthesizeHierarchy computes the global priorities of alternatives
// alternatives in an AHP hierarchy by Saaty's distributive mode: the
// alternatives' local priorities under each leaf criterion, weighted by
// the product of local criterion weights on the path from the root, and
// summed. Every node's matrix must have the right size. Errors name the
// node path.
func SynthesizeHierarchy(root Node, alternatives int, opt AHPOptions) (HierarchyResult, error) {
	if alternatives <= 0 {
		return HierarchyResult{}, errorf("alternatives", "need at least one alternative")
	}
	res := HierarchyResult{Priorities: make([]float64, alternatives), Consistent: true}
	if err := synthesize(root, nil, 1, alternatives, opt, &res); err != nil {
		return HierarchyResult{}, err
	}
	return res, nil
}

const maxHierarchyDepth = 32

func synthesize(node Node, path []string, weight float64, alts int, opt AHPOptions, res *HierarchyResult) error {
	path = append(path, node.Name)
	name := strings.Join(path, " / ")
	if len(path) > maxHierarchyDepth {
		return errorf(name, "hierarchy deeper than %d levels", maxHierarchyDepth)
	}
	want := len(node.Children)
	if want == 0 {
		want = alts
	}
	if node.Comparisons == nil || node.Comparisons.n != want {
		return errorf(name, "node needs a %d×%d comparison matrix", want, want)
	}
	r, err := AHP(node.Comparisons, opt)
	if err != nil {
		return fmt.Errorf("scoring: hierarchy node %q: %w", name, err)
	}
	res.Nodes = append(res.Nodes, NodeReport{Path: name, GlobalWeight: weight, AHP: r})
	res.Consistent = res.Consistent && r.Consistent
	if len(node.Children) == 0 {
		for i, p := range r.Priorities {
			res.Priorities[i] += weight * p
		}
		return nil
	}
	for k, child := range node.Children {
		if err := synthesize(child, path, weight*r.Priorities[k], alts, opt, res); err != nil {
			return err
		}
	}
	return nil
}
