package scoring

import (
	"strings"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
)

// Node is one element of an AHP hierarchy. An inner node compares its
// Children (Comparisons is len(Children)×len(Children)); a leaf (no
// Children) is a criterion under which the alternatives are compared
// (Comparisons is alternatives×alternatives).
type Node struct {
	// Name labels the node in reports.
	Name string `json:"name"`
	// Comparisons is the pairwise matrix of the children or alternatives.
	Comparisons *Pairwise `json:"comparisons"`
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
// summed. Every node's matrix must have the right size. Errors point at
// the node within root ("/children/1/comparisons/0/2"); bad options at
// their field ("/tolerance").
func SynthesizeHierarchy(root Node, alternatives int, opt AHPOptions) (_ HierarchyResult, err error) {
	defer wrapErr(&err)
	if alternatives <= 0 {
		return HierarchyResult{}, outsourcing.FieldErrorf("/alternatives", "need at least one alternative")
	}
	res := HierarchyResult{Priorities: make([]float64, alternatives), Consistent: true}
	if err := synthesize(root, nil, "", 1, alternatives, opt, &res); err != nil {
		return HierarchyResult{}, err
	}
	return res, nil
}

const maxHierarchyDepth = 32

// synthesize adds node's contribution; names are the node names from the
// root and at the node's JSON pointer within the root.
func synthesize(node Node, names []string, at string, weight float64, alts int, opt AHPOptions, res *HierarchyResult) error {
	names = append(names, node.Name)
	name := strings.Join(names, " / ")
	if len(names) > maxHierarchyDepth {
		return outsourcing.FieldErrorf(at, "node %q: hierarchy deeper than %d levels", name, maxHierarchyDepth)
	}
	want := len(node.Children)
	if want == 0 {
		want = alts
	}
	if node.Comparisons == nil || node.Comparisons.n != want {
		return outsourcing.FieldErrorf(jsonptr.Append(at, "comparisons"), "node %q needs a %d×%d comparison matrix", name, want, want)
	}
	r, err := AHP(node.Comparisons, opt)
	if err != nil {
		return mapPaths(err, func(p string) string {
			if rest, ok := strings.CutPrefix(p, "/pairwise"); ok {
				return at + "/comparisons" + rest
			}
			return p
		})
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
		if err := synthesize(child, names, jsonptr.Append(at, "children", k), weight*r.Priorities[k], alts, opt, res); err != nil {
			return err
		}
	}
	return nil
}
