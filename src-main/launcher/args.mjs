// `npm start -- <flags>`: every flag goes to Electron (Chromium ignores what it does not know, and
// `--password-store=gnome-libsecret` must reach it); the headless shell gets only its own flags,
// since its parser refuses anything else.

const HEADLESS_FLAGS = new Set(['--host', '--port', '--receiver-port', '--data-dir', '--base-url', '--log-level'])

/**
 * The subset of `argv` that `switchboard serve` understands, in order, values kept; the log level is
 * warn unless asked otherwise, so the terminal shows the address rather than the JSON log.
 */
export function headlessArgs(argv) {
  const kept = []
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]
    const [name] = arg.split('=', 1)
    if (!HEADLESS_FLAGS.has(name)) continue
    kept.push(arg)
    if (!arg.includes('=') && i + 1 < argv.length) kept.push(argv[(i += 1)])
  }
  if (!kept.some((arg) => arg.startsWith('--log-level'))) kept.push('--log-level', 'warn')
  return kept
}
