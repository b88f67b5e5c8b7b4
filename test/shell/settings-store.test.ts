import { describe, expect, it, vi } from 'vitest'
import { createSettingsStore } from '../../src-main/shell/settings-store'

const created: Array<Record<string, unknown>> = []

vi.mock('electron-store', () => ({
  default: class FakeStore {
    private readonly data = new Map<string, unknown>()
    constructor(options: Record<string, unknown>) {
      created.push(options)
    }
    get(key: string): unknown {
      return this.data.get(key)
    }
    set(key: string, value: unknown): void {
      if (value === undefined) throw new TypeError('Use `delete()` to clear values')
      this.data.set(key, value)
    }
    delete(key: string): void {
      this.data.delete(key)
    }
  }
}))

describe('electron-store settings', () => {
  it('wraps electron-store as a KeyValueStore with literal keys', () => {
    const store = createSettingsStore({ name: 'secrets' })
    expect(created.at(-1)).toMatchObject({ name: 'secrets', accessPropertiesByDotNotation: false })
    store.set('settings', { theme: 'dark' })
    expect(store.get('settings')).toEqual({ theme: 'dark' })
    store.set('settings', undefined)
    expect(store.get('settings')).toBeUndefined()
    createSettingsStore()
    expect(created.at(-1)).toMatchObject({ name: 'config' })
  })
})
