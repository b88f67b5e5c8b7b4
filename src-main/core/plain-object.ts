/**
 * The params rule both transports share (the WebSocket bridge and Electron IPC): a command's params
 * are a plain `{...}` object. Here in the core so neither shell reaches into the other for it.
 */

/** True for `{...}` literals (and objects without a prototype), false for arrays, class instances, null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
