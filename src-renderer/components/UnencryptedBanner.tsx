import { ShieldAlert } from 'lucide-react'
import { useAppStore } from '../store/store-context'

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i

/**
 * Says plainly when this page reached the hub over plain HTTP across a network: its link (the
 * token), the calls and the texts travel readable by anyone on the way. Judged from this page's
 * own address (behind an HTTPS reverse proxy it is https:// and nothing shows) and from the hub's
 * bind (a hub open to the network warns even its owner's local tab).
 */
export function UnencryptedBanner({ location = globalThis.location }: { location?: Pick<Location, 'protocol' | 'hostname'> }) {
  const hub = useAppStore((s) => s.me?.hub ?? null)
  if (!hub || !location || location.protocol !== 'http:') return null
  if (!hub.exposed && LOOPBACK.test(location.hostname)) return null
  return (
    <div role="status" className="banner banner--warn">
      <ShieldAlert size={15} aria-hidden="true" />
      <span>
        <strong>Unencrypted:</strong> this hub is reached over plain HTTP, so its links, calls and texts can be read on
        the network. Start it with <code className="mono">--tls-cert</code> and <code className="mono">--tls-key</code>, or
        put it behind an HTTPS reverse proxy (README, “A hub for a team”: Caddy and nginx recipes).
      </span>
    </div>
  )
}
