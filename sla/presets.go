package sla

import (
	"slices"
	"strings"

	"github.com/outsourcing-go/outsourcing"
)

// Preset is a published credit tier table for a monthly-uptime level.
// Each row reads "uptime below To and at least From earns Credit": the
// lower bound is inclusive, the upper exclusive, and the tier is decided on
// the exact uptime, never a rounded one.
type Preset struct {
	// Name is the id to use in CreditModel.Preset.
	Name string `json:"name"`
	// Source names the public document the table comes from and how it
	// measures uptime.
	Source string `json:"source"`
	// URL is where the provider publishes the document.
	URL string `json:"url"`
	// Version is the edition of the document the table was checked
	// against ("Last Updated: November 28, 2023").
	Version string `json:"version"`
	// Commitment is the monthly uptime percentage committed to (the
	// expected level that goes with the table).
	Commitment outsourcing.Decimal `json:"commitment"`
	// Tiers is the table: uptime in [From, To) earns Credit percent of
	// the monthly charges.
	Tiers []Tier `json:"tiers"`
}

func bound(s string) *outsourcing.Decimal {
	d := outsourcing.MustDecimal(s)
	return &d
}

// threeTiers builds the usual three-row cloud table: [second, first) earns
// c1, [third, second) earns c2, below third earns c3.
func threeTiers(first, second, third, c1, c2, c3 string) []Tier {
	return []Tier{
		{From: bound(second), To: bound(first), Credit: outsourcing.MustPercent(c1)},
		{From: bound(third), To: bound(second), Credit: outsourcing.MustPercent(c2)},
		{To: bound(third), Credit: outsourcing.MustPercent(c3)},
	}
}

const awsComputeSource = "Amazon Compute Service Level Agreement: " +
	"monthly uptime percentage = 100% minus the share of minutes in the month unavailable; " +
	"service credit as a percentage of the monthly bill"

// awsComputeVersion is the edition of the Amazon Compute SLA the EC2 rows
// were checked against.
const awsComputeVersion = "Last Updated: May 5, 2022 (archived at https://aws.amazon.com/compute/sla/historical/)"

var presets = map[string]Preset{
	"aws-ec2-region": {
		Name:       "aws-ec2-region",
		Source:     awsComputeSource + ", region-level SLA (99.99%)",
		URL:        "https://aws.amazon.com/compute/sla/",
		Version:    awsComputeVersion,
		Commitment: outsourcing.MustDecimal("99.99"),
		Tiers:      threeTiers("99.99", "99.0", "95.0", "10", "30", "100"),
	},
	"aws-ec2-instance": {
		Name:       "aws-ec2-instance",
		Source:     awsComputeSource + ", instance-level SLA (99.5%)",
		URL:        "https://aws.amazon.com/compute/sla/",
		Version:    awsComputeVersion,
		Commitment: outsourcing.MustDecimal("99.5"),
		Tiers:      threeTiers("99.5", "99.0", "95.0", "10", "30", "100"),
	},
	"aws-s3-standard": {
		Name: "aws-s3-standard",
		Source: "Amazon S3 Service Level Agreement, requests to S3 Standard (and all requests not otherwise " +
			"specified), 99.9%: monthly uptime percentage = 100% minus the average of the error rates of " +
			"each five-minute period of the monthly billing cycle (use an error-rate level with a 5m " +
			"interval); service credit as a percentage of the charges for the storage class in the region",
		URL: "https://aws.amazon.com/s3/sla/",
		Version: "Last Updated: November 28, 2023 (same rows and credits as the July 31, 2019 version, " +
			"https://aws.amazon.com/s3/sla/historical/)",
		Commitment: outsourcing.MustDecimal("99.9"),
		Tiers:      threeTiers("99.9", "99.0", "95.0", "10", "25", "100"),
	},
	"azure-vm-availability-zones": {
		Name: "azure-vm-availability-zones",
		Source: "Microsoft Service Level Agreement for Online Services, Virtual Machines deployed across two " +
			"or more Availability Zones in the same region (99.99%): uptime = (maximum available minutes − " +
			"downtime) / maximum available minutes × 100, where available minutes count only while two or " +
			"more instances run in two or more zones (the deployed denominator); service credit as a " +
			"percentage of the applicable monthly service fees",
		URL: "https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services",
		Version: "worldwide English edition of September 2026; the zone SLA dates from version 1.8 (March 2018) " +
			"of https://azure.microsoft.com/support/legal/sla/virtual-machines/",
		Commitment: outsourcing.MustDecimal("99.99"),
		Tiers:      threeTiers("99.99", "99", "95", "10", "25", "100"),
	},
}

// Presets returns the published tier tables, sorted by name. Each names
// its source, URL and version; the values are copies.
//
// Google Compute Engine (instances in multiple zones, 99.99%) is not among
// them: its current financial-credit rows could not be confirmed from a
// published copy (older copies show 10/25/50%, Google's community answers
// speak of up to 100%), so give its table as explicit tiers from the
// version your contract cites.
func Presets() []Preset {
	out := make([]Preset, 0, len(presets))
	for _, p := range presets {
		p.Tiers = slices.Clone(p.Tiers)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Preset) int { return strings.Compare(a.Name, b.Name) })
	return out
}
