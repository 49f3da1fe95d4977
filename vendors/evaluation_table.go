package vendors

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// none marks a table cell without a value: a gated vendor's price score
// and bid, a time not yet recorded.
const none = "—"

// MatrixTable lays the evaluation out for people as the matrix a panel
// reads (Handbook §2.2): one row per dimension, in Weights order, with
// its name from t (the id when t names none) and its weight as a
// percentage of the total with one decimal ("15.0%"), then one column per
// short-listed vendor, in Vendors order, with its dimension score on the
// scale with one decimal ("8.4"). When the evaluation has bids, a last
// row "Bid (EUR)" gives each vendor's price rounded half away from zero
// to the currency's minor unit and grouped ("1,180,000.00"), the currency
// named once in the row's label. A vendor gated out has no price score and
// no bid scored: both cells read "—".
//
// t is the template e was evaluated with (not nil): it names the
// dimensions and says which one is the price dimension; a dimension t
// does not have shows its id. The evaluation's own fields keep
// every digit; the table only rounds for display.
func (e Evaluation) MatrixTable(t *Template) outsourcing.Table {
	tab := outsourcing.Table{Header: []string{"dimension", "weight"}, Numeric: []bool{false, true}}
	for _, v := range e.Vendors {
		tab.Header, tab.Numeric = append(tab.Header, v.Vendor), append(tab.Numeric, true)
	}
	names := make(map[string]string, len(t.spec.Dimensions))
	price := ""
	for _, d := range t.spec.Dimensions {
		names[d.ID] = cmp.Or(d.Name, d.ID)
		if d.Price != nil {
			price = d.ID
		}
	}
	for d, w := range e.Weights {
		row := []string{cmp.Or(names[w.Dimension], w.Dimension), fmt.Sprintf("%.1f%%", 100*w.Weight)}
		for _, v := range e.Vendors {
			score := none
			if d < len(v.Dimensions) && (w.Dimension != price || v.Price != nil) {
				score = strconv.FormatFloat(v.Dimensions[d].Score, 'f', 1, 64)
			}
			row = append(row, score)
		}
		tab.Rows = append(tab.Rows, row)
	}
	if bids := e.bidRow(); bids != nil {
		tab.Rows = append(tab.Rows, bids)
	}
	return tab
}

// bidRow returns the matrix's bid row, or nil when no vendor has a
// scored bid.
func (e Evaluation) bidRow() []string {
	var currency outsourcing.Currency
	row := []string{"", ""}
	for _, v := range e.Vendors {
		bid := none
		if v.Price != nil {
			currency = v.Price.Price.Currency()
			bid = strings.TrimSuffix(v.Price.Price.Round(outsourcing.RoundHalfUp).Grouped(), " "+string(currency))
		}
		row = append(row, bid)
	}
	if currency == "" {
		return nil
	}
	row[0] = "Bid (" + string(currency) + ")"
	return row
}

// RankingTable lays the ranking out for people, best first: rank, vendor
// and Points out of the template's total with two decimals ("84.50"), as
// the total's scale reads. The order and ranks are those of e.Method;
// Points is the template's weighted score whatever the method, so under
// TOPSIS a vendor may rank above one with more points. Gated vendors are
// not ranked and not listed (see Gated).
func (e Evaluation) RankingTable() outsourcing.Table {
	t := outsourcing.Table{Header: []string{"rank", "vendor", "points"}, Numeric: []bool{true, false, true}}
	for _, r := range e.Ranking {
		t.Rows = append(t.Rows, []string{strconv.Itoa(r.Rank), r.Vendor, strconv.FormatFloat(r.Points, 'f', 2, 64)})
	}
	return t
}
