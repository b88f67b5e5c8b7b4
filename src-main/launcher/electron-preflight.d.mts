/** Types for electron-preflight.mjs (the launcher runs as plain Node, unbuilt). */
export function displayMissing(env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform): string | null
export function electronBlocker(o: { binary: string; argv: readonly string[]; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform; uid?: number | null; proc?: string }): string | null
export function reasonFromOutput(text: string): string | null
