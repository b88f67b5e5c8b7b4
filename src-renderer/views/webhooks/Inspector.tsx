import { Download, Inbox, SearchX } from 'lucide-react'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState } from '../../components/EmptyState'
import { hasFilter } from '../../store/delivery-filter'
import { useAppStore } from '../../store/store-context'
import { DeliveryDetail } from './DeliveryDetail'
import { DeliveryList } from './DeliveryList'
import { downloadJsonLines } from './export-jsonl'
import { InspectorFilters } from './InspectorFilters'

/** Every request the receiver saw, filterable, with a detail pane, replay and export. */
export function Inspector() {
  const s = useAppStore(
    useShallow((st) => ({
      items: st.deliveries,
      total: st.deliveriesTotal,
      loading: st.deliveriesLoading,
      loaded: st.deliveriesLoaded,
      filter: st.deliveryFilter,
      selectedId: st.selectedDeliveryId,
      opened: st.openedDelivery,
      retry: st.loadDeliveryDetail,
      exporting: st.exportProgress,
      exportDeliveries: st.exportDeliveries,
      replayingId: st.replayingId,
      load: st.loadDeliveries,
      select: st.selectDelivery,
      replay: st.replayDelivery,
      sandbox: st.status?.mode === 'sandbox',
      pushToast: st.pushToast
    }))
  )
  const { load } = s
  useEffect(() => {
    void load()
  }, [load])

  const selected = s.items.find((d) => d.id === s.selectedId) ?? null
  // The list holds summaries: export fetches every matching delivery in full, page by page.
  const exportAll = async (): Promise<void> => {
    const all = await s.exportDeliveries()
    if (!all) return
    const name = downloadJsonLines(all)
    s.pushToast('info', `Saved ${all.length} deliveries as ${name}.`)
  }

  return (
    <div className="wh-inspector">
      <InspectorFilters />
      <div className="wh-toolbar">
        <span className="muted mono" aria-live="polite">
          {s.loading && !s.loaded ? 'Loading…' : `${s.items.length} shown · ${s.total} ${hasFilter(s.filter) ? 'match' : 'in total'}`}
        </span>
        <span className="header-spacer" />
        <button type="button" className="button" disabled={s.items.length === 0 || s.exporting !== null} onClick={() => void exportAll()}>
          <Download size={13} aria-hidden="true" />{' '}
          {s.exporting ? `Exporting ${s.exporting.done} of ${s.exporting.total}…` : 'Export JSON lines'}
        </button>
      </div>
      {s.items.length === 0 && s.loaded ? (
        hasFilter(s.filter) ? (
          <EmptyState icon={SearchX} title="No delivery matches these filters.">
            <p>Clear a filter, or wait: new deliveries that match appear here as they arrive.</p>
          </EmptyState>
        ) : (
          <EmptyState icon={Inbox} title="The receiver has not seen any request yet.">
            {s.sandbox ? (
              <p>Dial the Sandbox Agent from the phone on the right and say something: each caller turn arrives here as a voice delivery.</p>
            ) : (
              <p>Connect your tunnel on the Connect tab; AgentPhone's test delivery, then every call and message, will show here.</p>
            )}
          </EmptyState>
        )
      ) : (
        <div className={`wh-split${selected ? ' wh-split--detail' : ''}`}>
          <DeliveryList items={s.items} selectedId={s.selectedId} onSelect={s.select} />
          {selected ? (
            <DeliveryDetail
              delivery={selected}
              opened={s.opened}
              onRetry={() => void s.retry(selected.id)}
              replaying={s.replayingId === selected.id}
              onReplay={(id, allowUnverified) => s.replay(id, allowUnverified)}
            />
          ) : (
            <p className="wh-detail-hint muted">Select a delivery to see its headers, body and what was sent back.</p>
          )}
        </div>
      )}
    </div>
  )
}
