// Package termination will hold the end of an engagement as the IT
// Services Outsourcing Management Handbook describes it: termination
// conditions and triggers — expiry, material breach, force majeure,
// strategic change, repeated SLA breaches (§7.1); the termination plan
// with its handover list and final fee settlement (§7.2); the handover
// with acceptance sign-off (§7.3); and the post-termination review and
// final vendor evaluation (§7.4).
//
// It builds on packages contract and vendors. Its models arrive with their
// issue; today the package holds no exported API.
package termination
