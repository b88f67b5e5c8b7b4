/** Where the builder's configuration lives, relative to the project folder. */
export declare const BUILDER_CONFIG: string

/** The arguments electron-builder is given for `npm run dist -- …args`. */
export declare function builderArgs(args: string[]): string[]

export declare function runtimeTargets(
  args: string[],
  config: Record<string, unknown> | null,
  host?: { platform: string; arch: string }
): Array<{ platform: string; arch: string }>
