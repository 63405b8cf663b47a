/**
 * The functions a package's (untrusted) stylesheet may call: XPath/XSLT 3.1's standard library,
 * as saxon-js's compiled form (SEF) names them, minus what reaches outside the view document on
 * its own terms. Left out on purpose: `function-lookup` (calls any function by name, the
 * JavaScript namespace included), `transform` and `load-xquery-module` (compile and run other
 * code), `environment-variable` and `available-environment-variables` (the build machine's
 * secrets), `collection` and `uri-collection` (directory listings). `doc`, `document`,
 * `unparsed-text` and `json-doc` stay: child.cjs lets them read inside the package only.
 * Every extension namespace (globalJS, ixsl, saxon) is refused by not being listed.
 */
const FN = `abs acos adjust-date-to-timezone adjust-dateTime-to-timezone adjust-time-to-timezone analyze-string
apply avg base-uri boolean ceiling codepoint-equal codepoints-to-string compare concat contains
contains-token count current-date current-dateTime current-time data dateTime day-from-date day-from-dateTime
days-from-duration deep-equal default-collation default-language distinct-values doc doc-available document-uri
element-with-id empty encode-for-uri ends-with error escape-html-uri exactly-one exists false filter floor fold-left
fold-right for-each for-each-pair format-date format-dateTime format-integer format-number format-time function-arity
function-name generate-id has-children head hours-from-dateTime hours-from-duration hours-from-time id idref
implicit-timezone in-scope-prefixes index-of innermost insert-before iri-to-uri json-doc json-to-xml lang last
local-name local-name-from-QName lower-case matches max min minutes-from-dateTime minutes-from-duration
minutes-from-time month-from-date month-from-dateTime months-from-duration name namespace-uri namespace-uri-for-prefix
namespace-uri-from-QName nilled node-name normalize-space normalize-unicode not number one-or-more outermost
parse-ietf-date parse-json parse-xml parse-xml-fragment path position prefix-from-QName QName random-number-generator
remove replace resolve-QName resolve-uri reverse root round round-half-to-even seconds-from-dateTime
seconds-from-duration seconds-from-time serialize sort starts-with static-base-uri string string-join string-length
string-to-codepoints subsequence substring substring-after substring-before sum tail timezone-from-date
timezone-from-dateTime timezone-from-time tokenize trace translate true unordered unparsed-text
unparsed-text-available unparsed-text-lines upper-case xml-to-json year-from-date year-from-dateTime
years-from-duration zero-or-one
accumulator-after accumulator-before available-system-properties copy-of current current-group current-grouping-key
current-merge-group current-merge-key current-output-uri document element-available function-available key
regex-group snapshot stream-available system-property type-available unparsed-entity-public-id unparsed-entity-uri`;

const MAP = 'contains entry find for-each get keys merge put remove size';
const MATH = 'acos asin atan atan2 cos exp exp10 log log10 pi pow sin sqrt tan';
const ARRAY = 'append filter flatten fold-left fold-right for-each for-each-pair get head insert-before join put remove reverse size sort subarray tail';

/** Allowed names: `local-name` for fn:, `Q{namespace}local` for the others. */
export const STANDARD_FUNCTIONS: string[] = [
  ...FN.split(/\s+/),
  ...MAP.split(' ').map((n) => `Q{http://www.w3.org/2005/xpath-functions/map}${n}`),
  ...MATH.split(' ').map((n) => `Q{http://www.w3.org/2005/xpath-functions/math}${n}`),
  ...ARRAY.split(' ').map((n) => `Q{http://www.w3.org/2005/xpath-functions/array}${n}`),
  // A dynamic call $f(x) compiles to saxon:apply; the function items it can call are all checked.
  'Q{http://saxon.sf.net/}apply',
];
