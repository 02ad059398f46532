/** How an import is refused: every problem as one `line N: column: reason` (or `row N`) line. */

/** The file was refused: one line per problem, nothing was written. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** One problem, before it is worded with the table's unit (`line` or `row`). */
export interface Problem {
  readonly at: number;
  readonly column: string;
  readonly reason: string;
}
