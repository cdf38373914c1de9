import { z } from 'zod';

/**
 * A `.strict()` object whose unknown-key error lists the keys it does accept, so that a typo in a
 * hand-edited profile is easy to find.
 */
export function strictObject<const Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, { error: (issue) => unknownKeyMessage(issue.code, 'key', known) });
}

/**
 * The message for an unknown key, listing the accepted ones; undefined (zod's default) for other
 * issues. Takes the code as a plain string because zod's types omit `unrecognized_keys` from records
 * with enum keys, which do raise it.
 */
export function unknownKeyMessage(code: string, what: string, known: readonly string[]): string | undefined {
  return code === 'unrecognized_keys' ? `unknown ${what}; expected one of: ${known.join(', ')}` : undefined;
}

/** Chinese (or any) prose: never empty. */
export const text = z.string().trim().min(1);

/** The tender's own words, short, beside a number that is not obvious; "……" joins quoted fragments. */
export const clause = text;

/** Why the profile reads the tender the way it does, where the tender leaves room. */
export const note = text;

/** Ids the profile's parts refer to each other by: lower-case letters, digits and hyphens. */
export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  error: 'expected an id of lower-case letters, digits and hyphens, e.g. "s8-monthly"',
});

export const positiveInteger = z.number().int().positive();

/** A time of day, e.g. 08:30 for "before half past eight". */
export const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time of day HH:MM between 00:00 and 23:59' });

/** A list in which each value may appear once. */
export function uniqueList<Item extends z.ZodType>(item: Item) {
  return z.array(item).superRefine((values, context) => {
    values.forEach((value, index) => {
      const first = values.findIndex((other) => JSON.stringify(other) === JSON.stringify(value));
      if (first !== index) {
        context.addIssue({
          code: 'custom',
          path: [index],
          message: `expected each value once; ${JSON.stringify(value)} is already at [${first}]`,
        });
      }
    });
  });
}
