// Package contract will hold the contract life cycle of the IT Services
// Outsourcing Management Handbook: core clauses, quantified SLAs, penalty
// mechanisms and risk sharing (§3.1), internal review, approval workflow
// and signature (§3.2), the contract archive, fulfilment tracking,
// payments and formal change management with supplementary agreements
// (§3.3), and acceptance against the contract's criteria (§4.1).
//
// It builds on package sla for service levels and credits. Its models
// arrive with their issue; today the package holds no exported API.
package contract
