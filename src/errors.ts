// Errors are typed in the core and mapped to exit codes in one place: src/cli/main.ts.

export class IomError extends Error {
  exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad usage: an unknown option value, an invalid filter. Exit 2. */
export class UsageError extends IomError {
  override exitCode = 2;
}

/** A file that cannot be ingested: empty, binary, corrupt, no project in it. */
export class InputError extends IomError {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** The database cannot be opened, is newer than this iom, or failed a check. */
export class StoreError extends IomError {}
