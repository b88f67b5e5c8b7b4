import { describe, expect, it } from 'vitest'
import { parseCliArgs, UsageError } from '../../src-main/server/cli-args'
import { defaultDataDir } from '../../src-main/server/data-dir'

describe('parseCliArgs', () => {
  it('fills in serve defaults', () => {
    expect(parseCliArgs(['serve'])).toEqual({
      command: 'serve',
      host: '127.0.0.1',
      // Undefined: the remembered ports (or 7480/7481), decided when serving.
      port: undefined,
      receiverPort: undefined,
      dataDir: undefined,
      // Undefined: $AGENTPHONE_BASE_URL, else AgentPhone's, decided when serving.
      baseUrl: undefined,
      logLevel: 'info',
      newToken: false
    })
  })

  it('reads every serve flag', () => {
    expect(
      parseCliArgs(['serve', '--host', '0.0.0.0', '--port', '8080', '--receiver-port=9090', '--data-dir', '/tmp/sb', '--base-url', 'https://api.agentphone.ai/', '--log-level', 'warn', '--new-token'])
    ).toEqual({ command: 'serve', host: '0.0.0.0', port: 8080, receiverPort: 9090, dataDir: '/tmp/sb', baseUrl: 'https://api.agentphone.ai', logLevel: 'warn', newToken: true })
  })

  it('fills in sim defaults and reads its flags', () => {
    expect(parseCliArgs(['sim'])).toEqual({ command: 'sim', host: '127.0.0.1', port: 0, apiKey: undefined, webhookUrl: undefined, seed: false, dataDir: undefined, logLevel: 'info' })
    expect(parseCliArgs(['sim', '--data-dir', '/tmp/simstate'])).toMatchObject({ command: 'sim', dataDir: '/tmp/simstate' })
    expect(parseCliArgs(['sim', '--port', '7000', '--api-key', 'k1', '--webhook-url', 'http://localhost:3000/hook', '--seed', '--log-level=debug'])).toEqual({
      command: 'sim',
      host: '127.0.0.1',
      port: 7000,
      apiKey: 'k1',
      webhookUrl: 'http://localhost:3000/hook',
      seed: true,
      dataDir: undefined,
      logLevel: 'debug'
    })
  })

  it('answers help for no command, help, -h and --help', () => {
    for (const argv of [[], ['help'], ['-h'], ['--help'], ['serve', '--help']]) expect(parseCliArgs(argv)).toEqual({ command: 'help' })
  })

  it.each([
    [['launch'], /unknown command "launch"/],
    [['serve', '--prot', '1'], /--prot/],
    [['serve', '--port'], /--port/],
    [['serve', '--port', 'abc'], /--port must be a port number/],
    [['serve', '--port', '70000'], /--port must be a port number/],
    [['serve', '--port', '-1'], /port/],
    [['serve', '--receiver-port', '1.5'], /--receiver-port must be a port number/],
    [['serve', '--base-url', 'not a url'], /--base-url: The API base URL "not a url" is not a URL/],
    [['serve', '--base-url', 'ftp://x.example'], /https:\/\/ or a loopback address/],
    [['serve', '--base-url', 'http://collector.example'], /--base-url: The API base URL must be https:\/\/ or a loopback address/],
    [['serve', '--tls-cert', 'cert.pem'], /--tls-cert and --tls-key go together/],
    [['serve', '--public-url', 'not a url'], /--public-url must be a URL/],
    [['serve', '--host', ''], /--host must not be empty/],
    [['serve', 'extra'], /positional/i],
    [['sim', '--seed=yes'], /seed/],
    [['sim', '--data-dir', ' '], /--data-dir must not be empty/],
    [['serve', '--log-level', 'loud'], /--log-level must be one of debug, info, warn, error, silent/],
    [['sim', '--webhook-url', 'file:///etc/passwd'], /http\(s\)/]
  ])('refuses %j with a clear UsageError', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError)
    expect(() => parseCliArgs(argv)).toThrow(message)
  })
})

describe('defaultDataDir', () => {
  it('prefers SWITCHBOARD_DATA_DIR, then the platform folder', () => {
    expect(defaultDataDir({ SWITCHBOARD_DATA_DIR: '/data/sb' }, 'linux', '/home/a')).toBe('/data/sb')
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.local/share/switchboard')
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/switchboard')
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/Switchboard Headless')
  })
})
