import { noFeedback, type FormFeedback } from './api/form-feedback.ts'
import { formFeedback } from './field-errors.ts'

/** A form's request in flight, and what the form shows when it fails (under its fields, or above them). */
export class FormSubmission<Field extends string> {
  busy = $state(false)
  feedback = $state<FormFeedback<Field>>(noFeedback())

  constructor(private readonly fields: readonly Field[]) {}

  /** Problems found before sending (client-side checks); true when there are none. */
  check(problems: FormFeedback<Field>['fields']): boolean {
    this.feedback = { ...noFeedback(), fields: problems }
    return Object.keys(problems).length === 0
  }

  /** Clears the last feedback, runs `request` while busy, and turns its failure into feedback. */
  async run(request: () => Promise<unknown>): Promise<void> {
    this.busy = true
    this.feedback = noFeedback()
    try {
      await request()
    } catch (error) {
      this.feedback = formFeedback(error, this.fields)
    } finally {
      this.busy = false
    }
  }
}
