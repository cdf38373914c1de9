/** Wrong or missing arguments: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The arguments were fine but the answer does not exist (e.g. the contract sets no such clock): exit 2. */
export class NoAnswerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoAnswerError';
  }
}
