import type { Logger } from '../ports'
import type { HandlerMap } from './types'

const REDACTED = '[redacted]'
/** Secrets shorter than this are not searched for: a 3-letter "secret" would blank ordinary words. */
const MIN_SECRET_LENGTH = 8
/** Shapes that carry credentials whatever their value: the bridge token in a page URL, auth headers. */
const SECRET_SHAPES = [/(token=)[\w.~%-]+/gi, /(Bearer\s+)[\w.~+/=-]+/gi]

/** Takes every known secret, and anything shaped like a credential, out of a text bound for the log. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED)
  for (const shape of SECRET_SHAPES) out = out.replace(shape, `$1${REDACTED}`)
  return out
}

/**
 * A renderer view crashed and its error boundary reports it here, so the log holds what the
 * person saw (the renderer has no file of its own). What the renderer sends is untrusted text: it
 * is redacted before it reaches the logger, since an error message can quote anything on screen.
 */
export function reportErrorHandlers(deps: { logger: Logger; secrets: () => string[] }): HandlerMap {
  return {
    'app.reportError': async ({ view, message, stack }) => {
      const known = deps.secrets()
      deps.logger.error('a view crashed in the renderer', {
        view: redactSecrets(view, known),
        message: redactSecrets(message, known),
        ...(stack ? { stack: redactSecrets(stack, known) } : {})
      })
      return {}
    }
  }
}
