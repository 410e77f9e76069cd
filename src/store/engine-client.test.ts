import { afterEach, describe, expect, it } from 'vitest'
import { createInMemoryPort } from '../protocol/port'
import type { ToEngine } from '../protocol/messages'
import { closeContainerTerminal, connectEngine, openContainerTerminal, postToEngine, registerTerminalWriter, resetEngineClient } from './engine-client'
import { initialState, store } from './store'
import { tutorialRecords, TOMCAT01 } from './records-fixture'

function connect() {
  const { port, endpoint } = createInMemoryPort()
  const received: ToEngine[] = []
  endpoint.onMessage((m) => received.push(m))
  connectEngine(port)
  return { endpoint, received }
}

afterEach(() => {
  resetEngineClient()
  store.setState(initialState, true)
})

describe('engine client', () => {
  it('writes terminal output to its writer, keeping what came before the writer registered', () => {
    const { endpoint } = connect()
    endpoint.send({ type: 'terminal.output', terminal: 'host', data: 'root@docker-host:~# ' })
    const written: string[] = []
    registerTerminalWriter('host', (d) => written.push(d))
    endpoint.send({ type: 'terminal.output', terminal: 'host', data: 'ls' })
    endpoint.send({ type: 'terminal.output', terminal: 'other', data: 'not mine' })
    expect(written).toEqual(['root@docker-host:~# ', 'ls'])
  })

  it('puts records into the store', () => {
    const { endpoint } = connect()
    endpoint.send({ type: 'world.snapshot', records: tutorialRecords() })
    expect(store.getState().records.get(TOMCAT01)).toMatchObject({ name: 'tomcat01' })
  })

  it('holds messages posted before it is connected', () => {
    postToEngine({ type: 'clock.rate', rate: 0 })
    const { received } = connect()
    expect(received).toEqual([{ type: 'clock.rate', rate: 0 }])
  })

  it('opens and closes a container terminal', () => {
    const { endpoint, received } = connect()
    endpoint.send({ type: 'world.snapshot', records: tutorialRecords() })
    const terminal = openContainerTerminal(TOMCAT01)
    expect(received).toEqual([{ type: 'terminal.open', terminal, container: TOMCAT01 }])
    expect(store.getState().activeTab).toBe(TOMCAT01)
    expect(store.getState().containerTerminals).toEqual({ [TOMCAT01]: terminal })
    closeContainerTerminal(TOMCAT01)
    expect(received.at(-1)).toEqual({ type: 'terminal.close', terminal })
    expect(store.getState().containerTerminals).toEqual({})
  })
})
