export declare const SIGNING_VARIABLES: string[]
export declare function signingEnvironment(env: Record<string, string | undefined>): { env: Record<string, string | undefined>; summary: string }
