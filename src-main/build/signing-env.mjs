// Signing and notarisation read their secrets from the environment (the release workflow maps the
// repository's secrets onto it). A secret the repository does not have arrives as an empty string,
// which electron-builder would take as a certificate to load; unset, it builds unsigned instead.

export const SIGNING_VARIABLES = [
  'CSC_LINK',
  'CSC_KEY_PASSWORD',
  'WIN_CSC_LINK',
  'WIN_CSC_KEY_PASSWORD',
  'APPLE_ID',
  'APPLE_APP_SPECIFIC_PASSWORD',
  'APPLE_TEAM_ID',
  'APPLE_API_KEY',
  'APPLE_API_KEY_ID',
  'APPLE_API_ISSUER'
]

/** The environment for electron-builder, and a line saying whether the build will be signed. */
export function signingEnvironment(env) {
  const out = { ...env }
  for (const name of SIGNING_VARIABLES) if (!out[name]?.trim()) delete out[name]
  const macCert = Boolean(out.CSC_LINK)
  const winCert = Boolean(out.WIN_CSC_LINK ?? out.CSC_LINK)
  const notarise = Boolean((out.APPLE_ID && out.APPLE_APP_SPECIFIC_PASSWORD && out.APPLE_TEAM_ID) || (out.APPLE_API_KEY && out.APPLE_API_KEY_ID && out.APPLE_API_ISSUER))
  // On a CI runner there is no keychain identity to find; without a certificate, say unsigned outright.
  if (!macCert && out.CI) out.CSC_IDENTITY_AUTO_DISCOVERY = 'false'
  const parts = [macCert ? 'macOS signed' : 'macOS unsigned', notarise ? 'notarised' : 'not notarised', winCert ? 'Windows signed' : 'Windows unsigned']
  return { env: out, summary: parts.join(', ') }
}
