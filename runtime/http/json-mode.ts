// ROVERC_JSON=generic: every response through the generic encoder, to rule the generated
// serializers out when something looks wrong. Read once per process.

let generic: boolean | undefined;

/** What is wrong with ROVERC_JSON, if anything: a typo must not pass silently. */
export function jsonModeProblem(): string | undefined {
  const v = process.env.ROVERC_JSON;
  return v === undefined || v === '' || v === 'generic' ? undefined : `ROVERC_JSON must be 'generic' or unset, not ${JSON.stringify(v)}`;
}

/** Whether ROVERC_JSON=generic is set; throws on any other value (see jsonModeProblem). */
export function genericJsonOnly(): boolean {
  if (generic === undefined) {
    const problem = jsonModeProblem();
    if (problem !== undefined) throw new Error(problem);
    generic = process.env.ROVERC_JSON === 'generic';
  }
  return generic;
}
