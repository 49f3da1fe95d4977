package scoring

import "fmt"

// checkIndex panics, as a slice index out of range does, when (i, j) lies
// outside a rows×cols matrix. Indexers of flat row-major storage call it
// so that a column index past the end never reads the next row.
func checkIndex(method string, i, j, rows, cols int) {
	if uint(i) >= uint(rows) || uint(j) >= uint(cols) {
		panic(fmt.Sprintf("scoring: %s(%d, %d) out of range for a %d×%d matrix", method, i, j, rows, cols))
	}
}
