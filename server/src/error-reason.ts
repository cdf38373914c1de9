/** The human-readable reason carried by anything thrown, for wrapping it in a message with context. */
export function errorReason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    // node's net layer reports a refused dual-stack connect as an AggregateError with an empty message.
    return error.errors.map(errorReason).join('; ');
  }
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
