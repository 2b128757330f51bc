import { tick } from 'svelte'
import { feedbackFromError, noFeedback, type FormFeedback } from './feedback.ts'

/**
 * A form's request in flight, and what the form shows when it fails (under its fields, above them,
 * or the outage banner). Every form that submits goes through one of these.
 */
export class FormSubmission<Field extends string> {
  busy = $state(false)
  feedback = $state<FormFeedback<Field>>(noFeedback())
  #last: (() => Promise<unknown>) | null = null

  /**
   * @param fields the form's fields, in the order they are shown
   * @param idPrefix when given, the first field with a problem (its input is `${idPrefix}-${field}`) gets focus
   */
  constructor(
    private readonly fields: readonly Field[],
    private readonly idPrefix?: string,
  ) {}

  /** Problems found before sending (client-side checks); true when there are none. */
  check(problems: FormFeedback<Field>['fields']): boolean {
    this.feedback = { ...noFeedback(), fields: problems }
    void this.#focusFirstProblem()
    return Object.keys(problems).length === 0
  }

  /** Clears the last feedback, runs `request` while busy, and turns its failure into feedback. Resolves true when it succeeded. */
  run(request: () => Promise<unknown>): Promise<boolean> {
    this.feedback = noFeedback()
    return this.#send(request)
  }

  /** Sends the last request again (the banner's Retry); the feedback stays up meanwhile, so Retry keeps focus. */
  async retry(): Promise<boolean> {
    return this.#last ? this.#send(this.#last) : false
  }

  /** Forgets what the server said about a field (the user is changing it). */
  clearField(field: Field): void {
    if (this.feedback.fields[field]) this.feedback = { ...this.feedback, fields: { ...this.feedback.fields, [field]: undefined } }
  }

  /** Back to a clean form (e.g. Cancel). */
  reset(): void {
    this.feedback = noFeedback()
    this.#last = null
  }

  async #send(request: () => Promise<unknown>): Promise<boolean> {
    this.#last = request
    this.busy = true
    try {
      await request()
      this.feedback = noFeedback()
      this.#last = null
      return true
    } catch (error) {
      this.feedback = feedbackFromError(error, this.fields)
      await this.#focusFirstProblem()
      return false
    } finally {
      this.busy = false
    }
  }

  async #focusFirstProblem(): Promise<void> {
    if (!this.idPrefix) return
    const first = this.fields.find((field) => this.feedback.fields[field]?.length)
    if (!first) return
    await tick()
    document.getElementById(`${this.idPrefix}-${first}`)?.focus()
  }
}
