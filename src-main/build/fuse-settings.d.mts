import type { FuseConfig, FuseV1Options } from '@electron/fuses'

export declare const FUSES: ReadonlyArray<{ option: FuseV1Options; name: string; enabled: boolean }>
export declare function fuseConfig(target: { platform: string; arch: string }): FuseConfig
