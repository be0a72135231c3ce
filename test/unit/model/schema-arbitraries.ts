import fc from 'fast-check';

/** JSON Schemas of the supported subset, nested up to `depth`. */
export function schemaArbitrary(depth = 2): fc.Arbitrary<Record<string, unknown>> {
  const leaf = fc.oneof(
    fc.constantFrom('string', 'number', 'integer', 'boolean', 'null').map((type) => ({ type })),
    fc.uniqueArray(fc.oneof(fc.constantFrom('mg', 'g', 'mL', 'high', 'low', 'a', 'ab'), fc.integer({ min: -20, max: 120 }), fc.boolean()), { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values })),
  );
  if (depth === 0) return leaf;
  const inner = schemaArbitrary(depth - 1);
  const object = fc
    .uniqueArray(fc.tuple(fc.constantFrom('name', 'dose', 'unit', 'notes', 'n', 'na', 'active', 'tags'), inner), { maxLength: 4, selector: ([name]) => name })
    .chain((props) =>
      fc.subarray(props.map(([name]) => name)).map((required) => ({ type: 'object', properties: Object.fromEntries(props), required })),
    );
  const array = inner.map((items) => ({ type: 'array', items }));
  return fc.oneof({ weight: 2, arbitrary: leaf }, { weight: 3, arbitrary: object }, { weight: 1, arbitrary: array });
}

/** Values that conform to a schema of the subset. */
export function valueArbitrary(schema: Record<string, unknown>): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'string':
      return fc.string({ maxLength: 8 });
    case 'number':
      // Within the matcher's bounds (15 digits, 2-digit exponents), which JSON.stringify of these respects.
      return fc.oneof(fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000), fc.constantFrom(1e21, 2.5e-7, -0));
    case 'integer':
      return fc.integer({ min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueArbitrary(schema.items as Record<string, unknown>), { maxLength: 3 });
    default: {
      const props = Object.entries(schema.properties as Record<string, Record<string, unknown>>);
      const required = new Set(schema.required as string[]);
      return fc.record(Object.fromEntries(props.map(([name, sub]) => [name, valueArbitrary(sub)])), {
        requiredKeys: props.map(([name]) => name).filter((name) => required.has(name)),
      });
    }
  }
}
