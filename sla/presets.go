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
	// MaxCredit is the most the table credits in a month, in percent of
	// the charges (its highest row): the published cap, for
	// CreditTerms.Cap.
	MaxCredit outsourcing.Percent `json:"max_credit"`
	// MinimumPayout is the published amount a month's credit must exceed
	// to be issued, for CreditTerms.MinimumPayout; absent when the
	// document checked states none.
	MinimumPayout outsourcing.Money `json:"minimum_payout,omitzero"`
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

const awsRDSSource = "Amazon RDS Service Level Agreement: monthly uptime percentage = 100% minus the share of " +
	"minutes in the month the DB instance or cluster was unavailable; service credit as a percentage of the charges " +
	"paid for the DB instances or clusters that missed the SLA"

// awsRDSVersion is the edition of the Amazon RDS SLA the rows were checked against.
const awsRDSVersion = "Last Updated: January 22, 2024; the one-dollar minimum read from the March 21, 2019 version " +
	"(https://aws.amazon.com/rds/sla/historical/), whose Multi-AZ rows are the same"

var presets = map[string]Preset{
	"aws-rds-multi-az": {
		Name:          "aws-rds-multi-az",
		Source:        awsRDSSource + ", Multi-AZ DB Instance and Multi-AZ DB Cluster SLA (99.95%)",
		URL:           "https://aws.amazon.com/rds/sla/",
		Version:       awsRDSVersion,
		Commitment:    outsourcing.MustDecimal("99.95"),
		Tiers:         threeTiers("99.95", "99.0", "95.0", "10", "25", "100"),
		MinimumPayout: outsourcing.MustMoney("1.00", "USD"),
	},
	"aws-rds-single-db": {
		Name:          "aws-rds-single-db",
		Source:        awsRDSSource + ", Single-DB Instance SLA (instance-level uptime, 99.5%)",
		URL:           "https://aws.amazon.com/rds/sla/",
		Version:       awsRDSVersion,
		Commitment:    outsourcing.MustDecimal("99.5"),
		Tiers:         threeTiers("99.5", "99.0", "95.0", "10", "25", "100"),
		MinimumPayout: outsourcing.MustMoney("1.00", "USD"),
	},
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
// its source, URL and version, its highest credit and, where published,
// its minimum payout; the values are copies. For a table not among them
// (Google Compute Engine, Google Cloud Storage, Azure Storage, Azure SQL
// Database…), give the rows as explicit tiers from the version your
// contract cites.
func Presets() []Preset {
	out := make([]Preset, 0, len(presets))
	for _, p := range presets {
		p.Tiers = slices.Clone(p.Tiers)
		p.MaxCredit = maxCredit(p.Tiers)
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b Preset) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// maxCredit is the highest credit of a table.
func maxCredit(tiers []Tier) outsourcing.Percent {
	var m outsourcing.Percent
	for _, t := range tiers {
		if t.Credit.Cmp(m) > 0 {
			m = t.Credit
		}
	}
	return m
}
