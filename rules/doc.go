// Package rules compiles and evaluates the rules and decision tables that
// users of the SDK write themselves: conditions and formulas in the expr
// language (https://expr-lang.org) over a typed environment, and DMN-style
// decision tables (DMN 1.3, §8) edited as JSON.
//
// # Where the handbook uses rules
//
// Every later package builds on this one:
//   - §2.1 initial screening: knock-out criteria (certifications,
//     experience, headcount) are conditions; Set.Failing lists the reasons
//     an alternative is excluded (package scoring);
//   - §3.1 and §4.3 service levels: credit formulas and penalty
//     mechanisms (package sla);
//   - §4.2 and §6.3 incident and conflict escalation: routing by decision
//     table;
//   - §5.2 risk assessment: likelihood × impact scores and treatment
//     policies (package risk);
//   - §7.1 termination conditions: triggers (package termination).
//
// # Compiling and evaluating
//
// Compile type-checks a list of Rule values against an environment type E
// (a struct or a pointer to one) once; the resulting Set is immutable and
// safe for concurrent use, and evaluates with Bool, Decimal, Money, Value,
// Eval, Matching and Failing; Explain records why each condition came out
// as it did, for audit trails, and Inputs which fields each rule reads.
// CompileTable does the same for a TableSpec (ParseTableSpec reads one
// from JSON); Table.Decide applies the table's hit policy: UNIQUE, ANY,
// FIRST, PRIORITY, RULE ORDER, OUTPUT ORDER or COLLECT with an optional
// SUM, COUNT, MIN or MAX.
//
// # Decimal semantics
//
// Rules compute with exact decimals. Every arithmetic and comparison
// operator is overloaded on outsourcing.Decimal and outsourcing.Money: a
// number literal next to a decimal is converted exactly at compile time,
// so 0.1 + 0.2 is 0.3 and 1.0 == 1.00. Division keeps DivisionPlaces
// places, rounded half away from zero, and drops the trailing zeros of an
// exact quotient; every other operation is exact. Money combines only
// with Money of the same currency (ErrCurrencyMismatch otherwise) and
// scales by numbers. Money{} ("no amount") acts as zero in every operator,
// as in the kernel: it adds as zero, compares as zero, and scales and
// divides to Money{}. Dec("0.15") writes a decimal literal; Round, Abs and
// Float round, take the absolute value and convert for charts.
//
// Equality compares values, whatever their static types: a decimal or
// Money known only at run time (first(fees), a map literal's value)
// compares as above, lists are equal when they have the same length and
// equal elements, maps when they have the same keys and equal values,
// and x in list holds when x equals an element, so [fee] == [1000.5] and
// fee in [1000.5] hold for a fee of 1000.50. A decimal and a value of
// another kind (a string, a list) are unequal; Money next to a bare
// number, or Money of another currency, is an error, never silently
// unequal.
//
// # Missing elements
//
// first and last of an empty list, find without a match and get of a
// missing key or index yield nil, as the expr language defines, and a nil
// list or map behaves as an empty one. nil equals only nil, so
// get(rates, "x") == 0 is false and get(rates, "x") == nil tests for a
// missing key; ordering nil or computing with it is a rule error that
// says first, last, find or get found no element. Indexing a map of a
// typed environment field (rates["x"], rates.x) reads the element type's
// zero value instead, as Go does.
//
// # The sandbox
//
// Rules written by end users are untrusted. A rule set bounds each
// rule's source length, its syntax-tree size and its number of rules, and
// each evaluation by a budget of work (WithBudget): every iteration of a
// predicate is charged the size of its body, and every builtin, range,
// membership test, equality of lists or maps and string concatenation the
// size of what it reads or builds, before it runs. Only the builtins on an allow-list exist (none
// that reads the clock or the time-zone files), strings and collections a
// rule builds are capped (MaxStringLength, MaxCollectionLength), as are
// decimal operands (MaxDecimalDigits) and rounding places. A rule that
// exceeds any limit stops with a *outsourcing.RuleError matching
// outsourcing.ErrLimit; that error is a type of this package, so nothing
// a rule or a host function returns can pass for it.
//
// # Errors
//
// The document parsers ParseSet and ParseTableSpec prefix their errors
// with "rules: " once. Compiling and evaluating do not: every domain
// package builds on rules and adds its own prefix, so a screening rule
// that fails reads "vendors: …: rule "iso" (1:5): …", with one package
// name. Compile and evaluation errors are *outsourcing.RuleError values
// with the rule id, line and column; table errors are
// *outsourcing.FieldError values whose Path is an RFC 6901 JSON pointer
// into the table document ("/rules/3/when/1").
package rules
