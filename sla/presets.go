package sla

import (
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// Preset is a published credit tier table for a monthly-uptime level.
type Preset struct {
	// Name is the id to use in CreditModel.Preset.
	Name string
	// Source names the public document the table comes from.
	Source string
	// Commitment is the monthly uptime percentage committed to (the
	// expected level that goes with the table).
	Commitment outsourcing.Decimal
	// Tiers is the table: uptime in [From, To) earns Credit percent of
	// the monthly charges.
	Tiers []Tier
}

func bound(s string) *outsourcing.Decimal {
	d := outsourcing.MustDecimal(s)
	return &d
}

func tiersOf(rows ...[3]string) []Tier {
	out := make([]Tier, len(rows))
	for i, r := range rows {
		out[i] = Tier{Credit: outsourcing.MustPercent(r[2])}
		if r[0] != "" {
			out[i].From = bound(r[0])
		}
		if r[1] != "" {
			out[i].To = bound(r[1])
		}
	}
	return out
}

const awsComputeSource = "Amazon Compute Service Level Agreement (aws.amazon.com/compute/sla): " +
	"monthly uptime percentage = 100% minus the share of minutes in the month unavailable; " +
	"service credit as a percentage of the monthly bill"

var presets = map[string]Preset{
	"aws-ec2-region": {
		Name:       "aws-ec2-region",
		Source:     awsComputeSource + ", region-level SLA (99.99%)",
		Commitment: outsourcing.MustDecimal("99.99"),
		Tiers:      tiersOf([3]string{"99.0", "99.99", "10"}, [3]string{"95.0", "99.0", "30"}, [3]string{"", "95.0", "100"}),
	},
	"aws-ec2-instance": {
		Name:       "aws-ec2-instance",
		Source:     awsComputeSource + ", instance-level SLA (99.5%)",
		Commitment: outsourcing.MustDecimal("99.5"),
		Tiers:      tiersOf([3]string{"99.0", "99.5", "10"}, [3]string{"95.0", "99.0", "30"}, [3]string{"", "95.0", "100"}),
	},
}

// Presets returns the published tier tables, sorted by name. Each names
// its source; the values are copies.
func Presets() []Preset {
	out := make([]Preset, 0, len(presets))
	for _, p := range presets {
		p.Tiers = slices.Clone(p.Tiers)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Preset) int { return strings.Compare(a.Name, b.Name) })
	return out
}
