export declare function runtimeTargets(
  args: string[],
  config: Record<string, unknown> | null,
  host?: { platform: string; arch: string }
): Array<{ platform: string; arch: string }>
