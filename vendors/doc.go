// Package vendors will hold the vendor pool and the vendor life cycle of
// the IT Services Outsourcing Management Handbook: building the pool from
// market research, tenders and referrals and screening the long list to a
// short list (§2.1), evaluating the short list on the handbook's seven
// dimensions (§2.2), selection with approval (§2.3), periodic performance
// reviews and customer-satisfaction surveys (§4.3), and the final vendor
// evaluation after an engagement ends (§7.4).
//
// It builds on package scoring for the multi-criteria analysis and on the
// kernel's rules for screening knock-outs. Its models arrive with their
// issue; today the package holds no exported API.
package vendors
