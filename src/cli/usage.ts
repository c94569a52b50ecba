/** A failure the user can fix (bad link, argument or file): the CLI exits 2 with its message. */
export class UsageError extends Error {}
