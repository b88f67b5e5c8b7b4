import { build } from 'rolldown'
await build({ input: '/tmp/prof/entry.ts', platform: 'node', logLevel: 'silent', external: ['express'], output: { file: '/tmp/prof/entry.mjs', format: 'esm' } })
