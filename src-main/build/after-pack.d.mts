export interface AfterPackContextLike {
  appOutDir: string
  electronPlatformName: string
  arch: number | string
  packager: { appInfo: { productFilename: string }; executableName?: string }
}
export declare function electronBinaryPath(context: AfterPackContextLike): string
export declare function afterPack(context: AfterPackContextLike): Promise<void>
export default afterPack
