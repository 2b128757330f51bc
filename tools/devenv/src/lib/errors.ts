/** A failure the user can fix: printed as `devenv: <message>` plus the fix, never with a stack. */
export class DevenvError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message)
  }
}

export const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))
