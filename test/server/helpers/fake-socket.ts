import { EventEmitter } from 'node:events'

/** Just enough of a ws socket to watch what a bridge connection does with it. */
export class FakeSocket extends EventEmitter {
  readyState = 1
  bufferedAmount = 0
  sent: string[] = []
  closedWith: [number, string] | null = null
  terminated = false
  pings = 0
  send(text: string): void {
    this.sent.push(text)
  }
  close(code: number, reason: string): void {
    this.closedWith = [code, reason]
  }
  terminate(): void {
    this.terminated = true
  }
  ping(): void {
    this.pings += 1
  }
}
