package risk

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/outsourcing-go/outsourcing"
	"github.com/outsourcing-go/outsourcing/internal/jsonptr"
	"github.com/outsourcing-go/outsourcing/internal/text"
	"github.com/outsourcing-go/outsourcing/planning"
)

// maxCaseFlowValues bounds the line-periods the uncertain inputs touch
// (the lines they change and the lines those read, times the periods):
// each trial recomputes them.
const maxCaseFlowValues = 1 << 22

// BusinessCase is a BusinessCaseSpec compiled against a planning.TCO: the
// exact point estimate of the model and the float64 image of the lines the
// uncertain inputs change. It is immutable and safe for concurrent use.
type BusinessCase struct {
	id               string
	tco              *planning.TCO
	point            planning.TCOResult
	currency         outsourcing.Currency
	horizon, perYear int
	baseline         int
	options          []caseOption
	inputs           []caseInput
	risks            []caseRisk
	rateInput        int         // the input setting the discount rate, −1 for none
	dfBase           []float64   // discount factors at the model's rate
	baseCost         [][]float64 // the exact cost of each option and period, as float64
	pvBase           []float64   // Σ baseCost·dfBase per option
}

// caseOption holds the lines of one option the inputs change.
type caseOption struct {
	id    string
	lines []caseLine // planning's layout of its lines; nil for an option no input names
	dyn   []dynLine  // lines whose cost varies, non-percent lines first
	isDyn []bool
	base  [][]float64 // model-value costs of the dyn lines and the lines they read; nil elsewhere
}

// dynLine is a line whose cost varies between trials, and the inputs
// (indices into BusinessCase.inputs, −1 for none) that set it.
type dynLine struct {
	line                   int
	amount, rate, duration int
	movedBy                []int
}

// caseInput is a compiled UncertainInput.
type caseInput struct {
	id           string
	param        InputParameter
	option, line int // −1 for the discount rate
	est          estimate
	d0           int   // the line's model duration (durations)
	moves        []int // lines that follow the line (durations)
	// tornado is the name planning's tornado gives the model input:
	// "<option>/<line>", "<option>/<line>/escalation" or
	// planning.InputDiscountRate; "" for a duration, which it does not vary.
	tornado string
}

// caseRisk is a compiled CaseRisk.
type caseRisk struct {
	id     string
	option int
	kind   CaseRiskKind
	m      *model
}

// CompileBusinessCase checks spec against the compiled TCO model tco and
// returns the business case. The point estimate is tco.Evaluate(), exact.
//
// Errors, joined in document order after the prefix "risk: ", are
// *outsourcing.FieldError values with JSON pointers into spec: a nil tco
// (""); a missing id; a model ID other than tco's ("/model"); a currency
// other than the model's ("/currency" or a risk's
// "/risks/0/scenario/magnitude", ErrCurrencyMismatch); an option or line
// that the model does not have ("/inputs/2/line", ErrNotFound); a
// parameter the line cannot take (an escalation of a percent line, a
// duration of a one-off line); two inputs setting the same thing;
// estimates whose parameters define no distribution (min > mode, max ≤
// min, low ≤ 0, weights all zero) or leave the parameter's range (a
// discount rate or escalation at or below −100 % or above 1000 %, a
// negative share, a
// duration outside 1 to the periods left from the line's start:
// "/inputs/0/estimate/max"); invalid risk scenarios as Simulate reports
// them; more than MaxCaseInputs inputs, MaxCaseRisks risks or amounts
// beyond MaxAmount (ErrLimit).
func CompileBusinessCase(tco *planning.TCO, spec BusinessCaseSpec) (*BusinessCase, error) {
	bc, err := compileBusinessCase(tco, spec)
	return bc, wrap(err)
}

func compileBusinessCase(tco *planning.TCO, spec BusinessCaseSpec) (*BusinessCase, error) {
	if tco == nil {
		return nil, outsourcing.FieldErrorf("", "no compiled TCO model")
	}
	b := newCaseBuilder(tco, spec)
	b.check()
	if err := errors.Join(b.errs...); err != nil {
		return nil, err
	}
	if err := b.bc.buildOptions(b.model, b.layout); err != nil {
		return nil, err
	}
	return b.bc, nil
}

// caseBuilder validates a spec against a model, collecting every error.
type caseBuilder struct {
	spec    BusinessCaseSpec
	model   planning.TCOModel
	layouts map[int]planning.OptionLines // the lines of the options inputs name, as planning lays them out
	bc      *BusinessCase
	options map[string]int
	lines   []map[string]int // line index by ID, per option
	ids     map[string]bool
	targets map[[3]int]int // (param, option, line) → input index
	errs    []error
}

func newCaseBuilder(tco *planning.TCO, spec BusinessCaseSpec) *caseBuilder {
	m := tco.Model()
	b := &caseBuilder{spec: spec, model: m, layouts: map[int]planning.OptionLines{}, options: map[string]int{}, ids: map[string]bool{}, targets: map[[3]int]int{}}
	b.bc = &BusinessCase{id: spec.ID, tco: tco, point: tco.Evaluate(), currency: m.Currency, horizon: m.Horizon,
		perYear: m.Period.PerYear(), rateInput: -1}
	for i, o := range m.Options {
		b.options[o.ID] = i
		if o.ID == m.Baseline {
			b.bc.baseline = i
		}
		ids := map[string]int{}
		for j, l := range o.Lines {
			ids[l.ID] = j
		}
		b.lines = append(b.lines, ids)
	}
	return b
}

func (b *caseBuilder) add(err error) {
	if err != nil {
		b.errs = append(b.errs, err)
	}
}

func (b *caseBuilder) check() {
	s := b.spec
	if s.ID == "" {
		b.add(outsourcing.FieldErrorf("/id", "business case id is required"))
	}
	if s.Model != "" && s.Model != b.model.ID {
		b.add(outsourcing.FieldErrorf("/model", "the case is written for model %q, not %q", text.Truncate(s.Model, 40), b.model.ID))
	}
	if s.Currency != b.model.Currency {
		b.add(mismatch("/currency", s.Currency, b.model.Currency))
	}
	if len(s.Inputs) > MaxCaseInputs {
		b.add(limitf("/inputs", "%d inputs, more than %d", len(s.Inputs), MaxCaseInputs))
		return
	}
	if len(s.Risks) > MaxCaseRisks {
		b.add(limitf("/risks", "%d risks, more than %d", len(s.Risks), MaxCaseRisks))
		return
	}
	for i, in := range s.Inputs {
		b.input(jsonptr.Join("inputs", i), in)
	}
	for i, r := range s.Risks {
		b.risk(jsonptr.Join("risks", i), r)
	}
}

// id checks that an input's or risk's id is set and unique.
func (b *caseBuilder) id(path, id string) {
	switch {
	case id == "":
		b.add(outsourcing.FieldErrorf(jsonptr.Append(path, "id"), "id is required"))
	case b.ids[id]:
		b.add(outsourcing.FieldErrorf(jsonptr.Append(path, "id"), "duplicate id %q", text.Truncate(id, 40)))
	}
	b.ids[id] = true
}

// option resolves an option ID at path.
func (b *caseBuilder) option(path, id string) (int, bool) {
	o, ok := b.options[id]
	if !ok {
		b.add(&outsourcing.FieldError{Path: path, Reason: fmt.Sprintf("no option %q in model %q", text.Truncate(id, 40), b.model.ID), Err: outsourcing.ErrNotFound})
	}
	return o, ok
}

// line resolves a line ID of option o at path.
func (b *caseBuilder) line(path string, o int, id string) (int, bool) {
	l, ok := b.lines[o][id]
	if !ok {
		b.add(&outsourcing.FieldError{Path: path, Reason: fmt.Sprintf("no line %q in option %q",
			text.Truncate(id, 40), b.model.Options[o].ID), Err: outsourcing.ErrNotFound})
	}
	return l, ok
}

// maxCaseRate is the highest discount rate or escalation an estimate may
// reach, in percent (planning.MaxBreakEvenEscalation).
const maxCaseRate = planning.MaxBreakEvenEscalation

// percentRate is the unit of discount rates and escalations: above −100 %
// and at most maxCaseRate.
func percentRate(what string) unit {
	return unit{percent: true, min: -1, minOpen: true, max: maxCaseRate / 100,
		what: fmt.Sprintf("%s above -100 %% and at most %d %%", what, maxCaseRate)}
}

func (b *caseBuilder) input(path string, in UncertainInput) {
	b.id(path, in.ID)
	ci := caseInput{id: in.ID, param: in.Parameter, option: -1, line: -1}
	if err := enumError(jsonptr.Append(path, "parameter"), "input parameter", string(in.Parameter), inputParameters); err != nil {
		b.add(err)
		return
	}
	if in.Parameter != InputParameterDuration && in.Moves != nil {
		b.add(outsourcing.FieldErrorf(jsonptr.Append(path, "moves"), "moves belong to duration inputs"))
	}
	var u unit
	if in.Parameter == InputParameterDiscountRate {
		if in.Option != "" || in.Line != "" {
			b.add(outsourcing.FieldErrorf(jsonptr.Append(path, "option"), "a discount_rate input names no option or line"))
		}
		u = percentRate("a discount rate")
		ci.tornado = planning.InputDiscountRate
	} else {
		o, ok := b.option(jsonptr.Append(path, "option"), in.Option)
		if !ok {
			return
		}
		l, ok := b.line(jsonptr.Append(path, "line"), o, in.Line)
		if !ok {
			return
		}
		ci.option, ci.line = o, l
		u, ok = b.lineUnit(path, &ci, in)
		if !ok {
			return
		}
	}
	key := [3]int{slices.Index(inputParameters, in.Parameter), ci.option, ci.line}
	if prev, dup := b.targets[key]; dup {
		b.add(outsourcing.FieldErrorf(path, "input %q sets what input %q sets", text.Truncate(in.ID, 40), text.Truncate(b.spec.Inputs[prev].ID, 40)))
	}
	b.targets[key] = len(b.bc.inputs)
	est, err := compileEstimate(jsonptr.Append(path, "estimate"), in.Estimate, u)
	b.add(err)
	ci.est = est
	if in.Parameter == InputParameterDiscountRate {
		b.bc.rateInput = len(b.bc.inputs)
	}
	b.bc.inputs = append(b.bc.inputs, ci)
}

// lineUnit checks that the line of ci takes the input's parameter and
// returns the parameter's unit; for a duration it also checks the moved
// lines and records the model duration.
func (b *caseBuilder) lineUnit(path string, ci *caseInput, in UncertainInput) (unit, bool) {
	l := b.model.Options[ci.option].Lines[ci.line]
	ol, err := b.layout(ci.option)
	if err != nil {
		b.add(err)
		return unit{}, false
	}
	f := ol.Lines[ci.line]
	ci.tornado = in.Option + "/" + in.Line
	switch in.Parameter {
	case InputParameterAmount:
		if l.Basis == planning.CostBasisPercent {
			return unit{percent: true, max: math.Inf(1), what: "a share of 0 % or more"}, true
		}
		return unit{min: -MaxAmount, max: MaxAmount, limit: true, what: fmt.Sprintf("the limit of %g", float64(MaxAmount))}, true
	case InputParameterEscalation:
		if l.Basis == planning.CostBasisPercent {
			b.add(outsourcing.FieldErrorf(jsonptr.Append(path, "parameter"), "a percent line escalates through the lines it is a share of"))
			return unit{}, false
		}
		ci.tornado += "/escalation"
		return percentRate("an escalation"), true
	}
	ci.tornado = ""
	if l.Basis == planning.CostBasisOneOff {
		b.add(outsourcing.FieldErrorf(jsonptr.Append(path, "parameter"), "a one-off line has no duration"))
		return unit{}, false
	}
	ci.d0 = f.End - f.Start + 1
	for j, id := range in.Moves {
		p := jsonptr.Append(path, "moves", j)
		m, ok := b.line(p, ci.option, id)
		switch {
		case ok && m == ci.line:
			b.add(outsourcing.FieldErrorf(p, "a line cannot move itself"))
		case ok && slices.Contains(ci.moves, m):
			b.add(outsourcing.FieldErrorf(p, "line %q is moved twice", text.Truncate(id, 40)))
		case ok:
			ci.moves = append(ci.moves, m)
		}
	}
	avail := b.bc.horizon - f.Start + 1
	return unit{min: 1, max: float64(avail), clamp: true, what: fmt.Sprintf("1 to %d periods", avail)}, true
}

func (b *caseBuilder) risk(path string, r CaseRisk) {
	b.id(path, r.ID)
	o, ok := b.option(jsonptr.Append(path, "option"), r.Option)
	if err := enumError(jsonptr.Append(path, "kind"), "risk kind", string(r.Kind), caseRiskKinds); err != nil {
		b.add(err)
		ok = false
	}
	m, err := r.Scenario.compile(jsonptr.Append(path, "scenario"))
	if err != nil {
		b.add(err)
		return
	}
	if m.currency != b.model.Currency {
		b.add(mismatch(jsonptr.Append(path, "scenario", "magnitude"), m.currency, b.model.Currency))
		return
	}
	if ok {
		b.bc.risks = append(b.bc.risks, caseRisk{id: r.ID, option: o, kind: r.Kind, m: m})
	}
}

// layout returns option o's lines as planning lays them out, computed
// once for the options the inputs name; the error, planning's for an
// unknown option, cannot happen for an option of the model.
func (b *caseBuilder) layout(o int) (planning.OptionLines, error) {
	if l, ok := b.layouts[o]; ok {
		return l, nil
	}
	l, err := b.bc.tco.LinesOf(b.model.Options[o].ID)
	if err == nil {
		b.layouts[o] = l
	}
	return l, err
}

// buildOptions converts the lines of the options the inputs name as
// planning lays them out, marks the lines the inputs change (and the
// percent lines that read them), converts their profiles and computes
// their costs at the model's values, and the float64 image of the exact
// point estimate.
func (bc *BusinessCase) buildOptions(m planning.TCOModel, layout func(o int) (planning.OptionLines, error)) error {
	h := bc.horizon
	rate := m.DiscountRate.Fraction().Float64()
	bc.dfBase = make([]float64, h+1)
	discountFactors(bc.dfBase, rate, bc.perYear)
	touched := 0
	for o, opt := range m.Options {
		ids := map[string]int{}
		for j, l := range opt.Lines {
			ids[l.ID] = j
		}
		co := caseOption{id: opt.ID, isDyn: make([]bool, len(opt.Lines)), base: make([][]float64, len(opt.Lines))}
		var lines []planning.LineCost
		if slices.ContainsFunc(bc.inputs, func(in caseInput) bool { return in.option == o }) {
			ol, err := layout(o)
			if err != nil {
				return err
			}
			lines = ol.Lines
		}
		for _, l := range lines {
			co.lines = append(co.lines, newCaseLine(l, ids))
		}
		co.dyn = bc.dynLines(o, &co)
		for _, d := range co.dyn {
			for _, i := range append([]int{d.line}, co.lines[d.line].of...) {
				if co.base[i] == nil {
					touched += h + 1
					co.base[i] = make([]float64, h+1)
					co.lines[i].setProfile(lines[i].Profile)
				}
			}
		}
		if touched > maxCaseFlowValues {
			return limitf("/inputs", "the inputs change more than %d line-periods of the model", maxCaseFlowValues)
		}
		for i := range co.lines { // non-percent lines first: percent lines read them
			if co.base[i] != nil && co.lines[i].basis != planning.CostBasisPercent {
				v := co.lines[i].values()
				co.lines[i].flows(co.base[i], &v, co.base)
			}
		}
		for i := range co.lines {
			if co.base[i] != nil && co.lines[i].basis == planning.CostBasisPercent {
				v := co.lines[i].values()
				co.lines[i].flows(co.base[i], &v, co.base)
			}
		}
		costs := make([]float64, h+1)
		pv := 0.0
		for p, c := range bc.point.Options[o].Costs {
			costs[p] = c.Amount().Float64()
			pv += costs[p] * bc.dfBase[p]
		}
		bc.baseCost, bc.pvBase = append(bc.baseCost, costs), append(bc.pvBase, pv)
		bc.options = append(bc.options, co)
	}
	return nil
}

// dynLines lists the lines of option o that some input changes, with the
// percent lines reading them, non-percent lines first.
func (bc *BusinessCase) dynLines(o int, co *caseOption) []dynLine {
	byLine := map[int]*dynLine{}
	get := func(l int) *dynLine {
		if byLine[l] == nil {
			byLine[l] = &dynLine{line: l, amount: -1, rate: -1, duration: -1}
			co.isDyn[l] = true
		}
		return byLine[l]
	}
	for i, in := range bc.inputs {
		if in.option != o {
			continue
		}
		d := get(in.line)
		switch in.param {
		case InputParameterAmount:
			d.amount = i
		case InputParameterEscalation:
			d.rate = i
		case InputParameterDuration:
			d.duration = i
			for _, l := range in.moves {
				m := get(l)
				m.movedBy = append(m.movedBy, i)
			}
		}
	}
	for l, line := range co.lines {
		if line.basis == planning.CostBasisPercent && slices.ContainsFunc(line.of, func(r int) bool { return co.isDyn[r] }) {
			get(l)
		}
	}
	var out []dynLine
	for _, percent := range []bool{false, true} {
		for l := range co.lines {
			if d := byLine[l]; d != nil && (co.lines[l].basis == planning.CostBasisPercent) == percent {
				out = append(out, *d)
			}
		}
	}
	return out
}
