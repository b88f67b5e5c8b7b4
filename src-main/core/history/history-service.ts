import type { BridgeEvent, Message } from '../../../src-preload/contract'
import type { Journal } from '../journal/journal'
import type { AgentDirectory } from '../live/agent-directory'
import { CallBoard, isLive } from '../live/call-board'
import { DeliveryLog } from '../live/delivery-log'
import { replayJournal } from '../live/journal-replay'
import type { Logger } from '../ports'
import { CallArchive, MAX_ARCHIVED_CALLS } from './call-archive'
import { NotesStore } from './notes-store'
import { SearchIndex } from './search-index'

/**
 * Every call afterwards: the archive of what the journal holds (read in full, in the background,
 * at start), kept up to date from the session's events, with its search index and the notes.
 */
export class HistoryService {
  readonly archive = new CallArchive()
  readonly index: SearchIndex
  /** Ids AgentPhone has listed (bounded like the archive). */
  readonly seenInApi = new Set<string>()
  private buffered: BridgeEvent[] | null = []
  /** Whether the journal has been read in full. */
  scanned = false
  private stopped = false
  private scanning: Promise<void> = Promise.resolve()

  private constructor(
    readonly notes: NotesStore,
    private readonly logger: Logger
  ) {
    this.index = new SearchIndex(this.archive, (callId) => {
      const n = notes.get(callId)
      return n.updatedAt ? { text: [n.note, ...n.tags].join(' '), at: n.updatedAt } : undefined
    })
    this.index.follow()
  }

  static async open(dataDir: string, logger: Logger): Promise<HistoryService> {
    return new HistoryService(await NotesStore.open(dataDir, logger), logger)
  }

  /** Reads the whole journal into the archive; events that arrive meanwhile are applied after it. */
  start(journal: Journal, directory: AgentDirectory, now: () => string): Promise<void> {
    // A board of its own, so the journal is read with exactly the live board's rules.
    // A stop (a mode switch, quitting) ends the read at the next record: it must not outlive the session.
    const board = new CallBoard((e) => this.applyWhileScanning(e), () => {}, now)
    const deliveries = new DeliveryLog(1, 64 * 1024)
    this.scanning = replayJournal(journal, { board, directory, deliveries, emit: (e) => this.applyWhileScanning(e), now, other: (record) => {
      if (record.kind === 'message.sent') this.applyWhileScanning({ event: 'message.sent', data: record.data as Message })
    } }, null)
      .catch((err: unknown) => {
        if (!this.stopped) this.logger.error('history: the journal could not be read for History and search', { error: err instanceof Error ? err.message : String(err) })
      })
      .finally(() => {
        const later = this.buffered ?? []
        this.buffered = null
        for (const event of later) this.apply(event)
        for (const callId of this.notes.callIds()) this.index.noteChanged(callId)
        this.scanned = true
      })
    return this.scanning
  }

  /** Stops reading the journal and indexing; what is in memory stays until the service is dropped. */
  stop(): void {
    this.stopped = true
    this.index.stop()
  }

  private applyWhileScanning(event: BridgeEvent): void {
    if (this.stopped) throw new Error('History stopped')
    this.apply(event)
  }

  /** Resolves once the journal has been read (tests, and a query that wants everything). */
  ready(): Promise<void> {
    return this.scanning
  }

  /** The session's events, as they go out. */
  onEvent = (event: BridgeEvent): void => {
    if (this.buffered) this.buffered.push(event)
    else this.apply(event)
  }

  private apply(event: BridgeEvent): void {
    switch (event.event) {
      case 'call.started':
      case 'call.updated':
      case 'call.ended':
        return this.archive.putCall(event.data)
      case 'transcript.turn':
        return this.archive.addLine(event.data)
      case 'message.received':
      case 'message.sent':
        return this.archive.addMessage(event.data)
      case 'history.cleared':
        this.seenInApi.clear()
        return this.archive.clearEnded(isLive)
      default:
        return
    }
  }

  /** AgentPhone listed these calls: remembered, boundedly, so the journal never lists them twice. */
  noteSeen(ids: Iterable<string>): void {
    for (const id of ids) this.seenInApi.add(id)
    while (this.seenInApi.size > MAX_ARCHIVED_CALLS) this.seenInApi.delete(this.seenInApi.values().next().value as string)
  }
}
