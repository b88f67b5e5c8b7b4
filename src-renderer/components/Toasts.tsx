import { CircleAlert, Info, X } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../store/store-context'

export function Toasts() {
  const { toasts, dismiss } = useAppStore(useShallow((s) => ({ toasts: s.toasts, dismiss: s.dismissToast })))
  return (
    <section className="toasts" aria-label="Notifications" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast--${t.kind}`}>
          {t.kind === 'error' ? <CircleAlert size={15} aria-hidden="true" /> : <Info size={15} aria-hidden="true" />}
          <span className="toast-text">{t.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss notification" onClick={() => dismiss(t.id)}>
            <X size={14} aria-hidden="true" />
          </button>
        </div>
      ))}
    </section>
  )
}
