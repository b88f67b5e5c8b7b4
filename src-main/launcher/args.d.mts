/** Types for args.mjs (the launcher runs as plain Node, unbuilt). */
export function headlessArgs(argv: readonly string[]): string[]
