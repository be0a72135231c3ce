import fc from 'fast-check';

/**
 * Valid and invalid values of each FHIR R4 primitive, written from the
 * specification's datatype page (hl7.org/fhir/R4/datatypes.html) and JSON
 * page, not from the validator's code or regexes: the grammar in words,
 * real calendar dates, the 32-bit ranges, "no empty strings". Each invalid
 * value says why it is invalid, for the report.
 */
export interface ValueCase {
  readonly type: string;
  readonly value: unknown;
  readonly valid: boolean;
  /** For an invalid value: what is wrong with it. */
  readonly why: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => (m === 2 ? (leap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

const year = fc.integer({ min: 1, max: 9999 });
const ymd = fc
  .record({ y: year, m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));
const fullDate = ymd.map(({ y, m, d }) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const partialDate = fc.oneof(
  year.map((y) => pad(y, 4)),
  fc.record({ y: year, m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${pad(y, 4)}-${pad(m, 2)}`),
  fullDate,
);
const clock = fc
  .record({
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 59 }) }, { weight: 1, arbitrary: fc.constant(60) }),
    fraction: fc.option(fc.integer({ min: 0, max: 999_999 }).map((f) => `.${f}`), { nil: '' }),
  })
  .map(({ h, mi, s, fraction }) => `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${fraction}`);
const zone = fc.oneof(
  fc.constant('Z'),
  fc.record({ sign: fc.constantFrom('+', '-'), h: fc.integer({ min: 0, max: 13 }), m: fc.integer({ min: 0, max: 59 }) }).map(({ sign, h, m }) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
  fc.constantFrom('+14:00', '-14:00'),
);
const instant = fc.tuple(fullDate, clock, zone).map(([d, t, z]) => `${d}T${t}${z}`);

/** A valid date whose day is made impossible: 30 February, 31 April, 29 February of a common year... */
const impossibleDay = fc.oneof(
  year.map((y) => `${pad(y, 4)}-02-30`),
  fc.record({ y: year, m: fc.constantFrom(4, 6, 9, 11) }).map(({ y, m }) => `${pad(y, 4)}-${pad(m, 2)}-31`),
  year.filter((y) => !leap(y)).map((y) => `${pad(y, 4)}-02-29`),
);
const badDate: fc.Arbitrary<[string, string]> = fc.oneof(
  impossibleDay.map((v): [string, string] => [v, 'a day that does not exist']),
  fc.record({ y: year, m: fc.integer({ min: 13, max: 99 }) }).map(({ y, m }): [string, string] => [`${pad(y, 4)}-${pad(m, 2)}`, 'month above 12']),
  year.map((y): [string, string] => [`${pad(y, 4)}-00`, 'month 0']),
  fc.record({ y: year, m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 32, max: 99 }) }).map(({ y, m, d }): [string, string] => [`${pad(y, 4)}-${pad(m, 2)}-${d}`, 'day above 31']),
  fc.constant<[string, string]>(['0000-01-01', 'year 0']),
  fc.integer({ min: 0, max: 999 }).map((y): [string, string] => [String(y), 'a year of fewer than 4 digits']),
  fullDate.map((d): [string, string] => [d.replace(/-/g, '/'), 'slashes']),
  fullDate.map((d): [string, string] => [`${d} `, 'a trailing space']),
  fullDate.map((d): [string, string] => [d.replace(/-(\d\d)$/, '-$1x'), 'a letter after the day']),
);

const token = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+,./:;<=>?@^_`{|}~-]{1,12}$/);

function cases(type: string, valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<[unknown, string]>): fc.Arbitrary<ValueCase> {
  return fc.oneof(
    valid.map((value) => ({ type, value, valid: true, why: '' })),
    invalid.map(([value, why]) => ({ type, value, valid: false, why })),
  );
}

/** The generators, one per type: half valid values, half invalid ones. */
export const VALUES: Record<string, fc.Arbitrary<ValueCase>> = {
  date: cases(
    'date',
    partialDate,
    fc.oneof(badDate, fc.tuple(fullDate, clock, zone).map(([d, t, z]): [string, string] => [`${d}T${t}${z}`, 'a time (date has none)'])),
  ),
  dateTime: cases(
    'dateTime',
    fc.oneof(partialDate, instant),
    fc.oneof(
      badDate,
      fc.tuple(fullDate, clock).map(([d, t]): [string, string] => [`${d}T${t}`, 'a time without a time zone']),
      fc.tuple(fullDate, zone).map(([d, z]): [string, string] => [`${d}T${pad(0, 2)}:${pad(0, 2)}${z}`, 'no seconds']),
      fc.tuple(fullDate, fc.integer({ min: 24, max: 99 }), zone).map(([d, h, z]): [string, string] => [`${d}T${h}:00:00${z}`, 'hour above 23']),
      fc.tuple(fullDate, fc.integer({ min: 60, max: 99 }), zone).map(([d, m, z]): [string, string] => [`${d}T10:${m}:00${z}`, 'minute above 59']),
      fc.tuple(fullDate, clock).map(([d, t]): [string, string] => [`${d}T${t}+15:00`, 'a zone beyond +14:00']),
      fc.tuple(fullDate, clock).map(([d, t]): [string, string] => [`${d}t${t}Z`, 'a lower-case t']),
      fc.tuple(impossibleDay, clock, zone).map(([d, t, z]): [string, string] => [`${d}T${t}${z}`, 'a day that does not exist, with a time']),
    ),
  ),
  instant: cases(
    'instant',
    instant,
    fc.oneof(
      partialDate.map((d): [string, string] => [d, 'no time (an instant is precise to the second)']),
      fc.tuple(fullDate, clock).map(([d, t]): [string, string] => [`${d}T${t}`, 'no time zone']),
      fc.tuple(impossibleDay, clock, zone).map(([d, t, z]): [string, string] => [`${d}T${t}${z}`, 'a day that does not exist']),
    ),
  ),
  time: cases(
    'time',
    clock,
    fc.oneof(
      fc.integer({ min: 24, max: 99 }).map((h): [string, string] => [`${h}:00:00`, 'hour above 23']),
      fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]): [string, string] => [`${pad(h, 2)}:${pad(m, 2)}`, 'no seconds']),
      clock.map((t): [string, string] => [`${t}Z`, 'a time zone (time has none)']),
    ),
  ),
  decimal: cases(
    'decimal',
    fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()),
    fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n): [unknown, string] => [String(n), 'a number in quotes']),
      fc.constantFrom<[unknown, string]>([true, 'a boolean'], [{}, 'an object'], ['', 'an empty string']),
    ),
  ),
  integer: cases(
    'integer',
    fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
    fc.oneof(
      fc.integer({ min: 2_147_483_648, max: Number.MAX_SAFE_INTEGER }).map((n): [unknown, string] => [n, 'above 2147483647 (32 bits)']),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: -2_147_483_649 }).map((n): [unknown, string] => [n, 'below -2147483648 (32 bits)']),
      fc.integer({ min: -1000, max: 1000 }).map((n): [unknown, string] => [n + 0.5, 'a fraction']),
      fc.integer().map((n): [unknown, string] => [String(n), 'a number in quotes']),
    ),
  ),
  positiveInt: cases(
    'positiveInt',
    fc.integer({ min: 1, max: 2_147_483_647 }),
    fc.oneof(
      fc.integer({ min: -2_147_483_648, max: 0 }).map((n): [unknown, string] => [n, 'not above 0']),
      fc.integer({ min: 2_147_483_648, max: 2 ** 40 }).map((n): [unknown, string] => [n, 'above 2147483647']),
      fc.integer({ min: 1, max: 1000 }).map((n): [unknown, string] => [n + 0.25, 'a fraction']),
    ),
  ),
  unsignedInt: cases(
    'unsignedInt',
    fc.integer({ min: 0, max: 2_147_483_647 }),
    fc.oneof(
      fc.integer({ min: -2_147_483_648, max: -1 }).map((n): [unknown, string] => [n, 'negative']),
      fc.integer({ min: 2_147_483_648, max: 2 ** 40 }).map((n): [unknown, string] => [n, 'above 2147483647']),
    ),
  ),
  boolean: cases('boolean', fc.boolean(), fc.constantFrom<[unknown, string]>(['true', 'in quotes'], ['false', 'in quotes'], [1, 'a number'], [0, 'a number'])),
  id: cases(
    'id',
    fc.stringMatching(/^[A-Za-z0-9.-]{1,64}$/),
    fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9.-]{65,80}$/).map((v): [string, string] => [v, 'longer than 64']),
      fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), fc.constantFrom('_', ' ', '/', ':', 'é', '#')).map(([v, c]): [string, string] => [`${v}${c}${v}`, `a "${c}"`]),
      fc.constant<[string, string]>(['', 'empty']),
    ),
  ),
  code: cases(
    'code',
    fc.array(token, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
    fc.oneof(
      token.map((t): [string, string] => [` ${t}`, 'a leading space']),
      token.map((t): [string, string] => [`${t} `, 'a trailing space']),
      fc.tuple(token, token).map(([a, b]): [string, string] => [`${a}  ${b}`, 'two spaces']),
      fc.tuple(token, token).map(([a, b]): [string, string] => [`${a}\t${b}`, 'a tab']),
      fc.constant<[string, string]>(['', 'empty']),
    ),
  ),
  uri: cases(
    'uri',
    fc.oneof(fc.webUrl(), fc.constantFrom('urn:oid:1.2.3', 'urn:uuid:53fefa32-fcbb-4ff8-8a92-55ee120877b7', 'Patient/123', '#frag')),
    fc.oneof(
      fc.webUrl().map((u): [string, string] => [`${u} x`, 'a space']),
      fc.webUrl().map((u): [string, string] => [`${u}\n`, 'a line break']),
      fc.constant<[string, string]>(['', 'empty']),
    ),
  ),
  string: cases(
    'string',
    fc.oneof(
      // eslint-disable-next-line no-control-regex
      fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }).filter((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s)),
      // Unicode spaces are text like any other (the specification's \s is XML Schema's: space, tab, CR, LF).
      fc.constantFrom('Zoë\u00a0Ångström', 'a\u2003b', '\u3000', 'line\u2028separated', ' leading and trailing ', 'tab\tand\r\nbreaks'),
    ),
    fc.oneof(
      fc.constant<[string, string]>(['', 'empty']),
      fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\u0000', '\u0001', '\u0007', '\u001B', '\u001F')).map(([s, c]): [string, string] => [`${s}${c}${s}`, 'a control character']),
    ),
  ),
  oid: cases(
    'oid',
    fc.tuple(fc.integer({ min: 0, max: 2 }), fc.array(fc.nat({ max: 99_999 }), { minLength: 1, maxLength: 8 })).map(([root, arcs]) => `urn:oid:${root}.${arcs.join('.')}`),
    fc.oneof(
      fc.array(fc.nat({ max: 999 }), { minLength: 2, maxLength: 5 }).map((arcs): [string, string] => [arcs.join('.'), 'no urn:oid: prefix']),
      fc.integer({ min: 1, max: 9 }).map((n): [string, string] => [`urn:oid:1.0${n}.3`, 'an arc with a leading zero']),
      fc.integer({ min: 3, max: 9 }).map((n): [string, string] => [`urn:oid:${n}.1.2`, 'a first arc above 2']),
    ),
  ),
  uuid: cases(
    'uuid',
    fc.uuid().map((u) => `urn:uuid:${u.toLowerCase()}`),
    fc.oneof(
      fc.uuid().map((u): [string, string] => [u, 'no urn:uuid: prefix']),
      fc.uuid().filter((u) => /[a-f]/.test(u)).map((u): [string, string] => [`urn:uuid:${u.toUpperCase()}`, 'upper-case hex']),
    ),
  ),
  base64Binary: cases(
    'base64Binary',
    fc.uint8Array({ minLength: 1, maxLength: 60 }).map((b) => Buffer.from(b).toString('base64')),
    fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 30 }).map((b): [string, string] => [`${Buffer.from(b).toString('base64')}*`, 'a "*"']),
      fc.constantFrom<[string, string]>(['abc', 'not a multiple of 4 characters'], ['', 'empty']),
    ),
  ),
};

/** The Extension element that carries a value of each type (valueDate, valueDateTime...). */
export function valueElement(type: string): string {
  return `value${type[0]!.toUpperCase()}${type.slice(1)}`;
}

/** Periods and quantities: the invariants FHIR defines on them (per-1, qty-3), with valid and invalid cases. */
export const COMPOSITES: fc.Arbitrary<{ readonly element: 'valuePeriod' | 'valueQuantity'; readonly value: Record<string, unknown>; readonly valid: boolean; readonly why: string }> = fc.oneof(
  fc
    .tuple(instant, instant)
    .filter(([a, b]) => !Number.isNaN(Date.parse(a)) && !Number.isNaN(Date.parse(b)))
    .map(([a, b]) => ({ element: 'valuePeriod' as const, value: Date.parse(a) <= Date.parse(b) ? { start: a, end: b } : { start: b, end: a }, valid: true, why: '' })),
  fc.tuple(instant, instant).filter(([a, b]) => Date.parse(a) - Date.parse(b) > 1000).map(([a, b]) => ({ element: 'valuePeriod' as const, value: { start: a, end: b }, valid: false, why: 'ends before it starts (per-1)' })),
  fc.tuple(year, fc.integer({ min: 1, max: 9 })).map(([y, n]) => ({ element: 'valuePeriod' as const, value: { start: pad(y, 4), end: pad(Math.min(9999, y + n), 4) }, valid: true, why: '' })),
  fc.tuple(fc.integer({ min: 2, max: 9999 })).map(([y]) => ({ element: 'valuePeriod' as const, value: { start: pad(y, 4), end: pad(y - 1, 4) }, valid: false, why: 'a year before the start year (per-1)' })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ element: 'valueQuantity' as const, value: { value, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' }, valid: true, why: '' })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ element: 'valueQuantity' as const, value: { value, unit: 'mg', code: 'mg' }, valid: false, why: 'a unit code without its system (qty-3)' })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ element: 'valueQuantity' as const, value: { value, comparator: '~' }, valid: false, why: 'a comparator FHIR does not define' })),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => ({ element: 'valueQuantity' as const, value: { value: String(value), unit: 'mg' }, valid: false, why: 'a value in quotes' })),
);
