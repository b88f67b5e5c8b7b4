/**
 * In a page (the window or the browser), zod must not probe `new Function('')` for its JIT: the page
 * policy has no 'unsafe-eval', so the probe is a CSP violation on every start. Imported first by the
 * contract, before any schema is built (zod decides at construction). The main process, which has
 * no document and validates every webhook, keeps the JIT.
 */
import { z } from 'zod'

if ('document' in globalThis) z.config({ jitless: true })
