package outsourcing

import (
	"strings"
)

// Currency is an ISO 4217 alphabetic currency code such as "EUR". Build one
// with ParseCurrency; the zero value is not a valid currency.
type Currency string

// iso4217 lists the active ISO 4217 codes (list one, 2024 edition) with
// the number of minor-unit digits each uses.
var iso4217 = func() map[Currency]int32 {
	groups := map[int32]string{
		0: "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF",
		2: "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV " +
			"BRL BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK " +
			"DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL " +
			"HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL " +
			"MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO " +
			"NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK " +
			"SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS " +
			"UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG",
		3: "BHD IQD JOD KWD LYD OMR TND",
		4: "CLF UYW",
	}
	table := make(map[Currency]int32, 200)
	for digits, codes := range groups {
		for _, code := range strings.Fields(codes) {
			table[Currency(code)] = digits
		}
	}
	return table
}()

// ParseCurrency validates an ISO 4217 alphabetic code (upper case, as the
// standard writes it) and returns it as a Currency. Unknown codes, fund
// codes aside, and lower-case spellings return a *FieldError matching
// ErrInvalidInput.
func ParseCurrency(code string) (Currency, error) {
	c := Currency(code)
	if _, ok := iso4217[c]; !ok {
		return "", FieldErrorf("", "currency %q is not an ISO 4217 currency code", code)
	}
	return c, nil
}

// MinorUnits returns how many decimal places the currency's minor unit has
// (JPY 0, USD 2, BHD 3, CLF 4). It returns 2 for an invalid currency.
func (c Currency) MinorUnits() int32 {
	if digits, ok := iso4217[c]; ok {
		return digits
	}
	return 2
}

// Valid reports whether c is a known ISO 4217 code.
func (c Currency) Valid() bool {
	_, ok := iso4217[c]
	return ok
}

// String returns the code.
func (c Currency) String() string { return string(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Currency) MarshalText() ([]byte, error) {
	if !c.Valid() {
		return nil, FieldErrorf("", "currency %q is not an ISO 4217 currency code", string(c))
	}
	return []byte(c), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; it rejects unknown codes.
func (c *Currency) UnmarshalText(text []byte) error {
	parsed, err := ParseCurrency(string(text))
	if err != nil {
		return err
	}
	*c = parsed
	return nil
}
