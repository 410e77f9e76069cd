/**
 * Shows one terminal: attaches its long-lived xterm element (registry.ts),
 * fits it when shown and when its box changes size, focuses it when its tab
 * becomes active.
 */
import { useEffect, useRef } from 'react'
import { ensureTerminal, fitTerminal } from './registry'

interface Props {
  terminal: string
  active: boolean
  ended: boolean
  /** Set on the host terminal once its first prompt waits for input (tests and benchmarks wait on it). */
  promptReady?: boolean
}

export function TerminalView({ terminal, active, ended, promptReady }: Props) {
  const box = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const parent = box.current
    if (!parent) return
    const entry = ensureTerminal(terminal)
    parent.appendChild(entry.element)
    if (!entry.opened) {
      entry.term.open(entry.element)
      entry.opened = true
    }
    const observer = new ResizeObserver(() => fitTerminal(entry))
    observer.observe(parent)
    return () => {
      observer.disconnect()
      // Detach only: the Terminal outlives this component until its tab closes.
      if (entry.element.parentElement === parent) parent.removeChild(entry.element)
    }
  }, [terminal])

  useEffect(() => {
    const entry = ensureTerminal(terminal)
    entry.ended = ended
    entry.term.options.cursorBlink = !ended
  }, [terminal, ended])

  useEffect(() => {
    if (!active) return
    const entry = ensureTerminal(terminal)
    // After the tab is laid out, so the fit measures the real box.
    const id = requestAnimationFrame(() => {
      fitTerminal(entry)
      entry.term.focus()
    })
    return () => cancelAnimationFrame(id)
  }, [terminal, active])

  return (
    <div
      ref={box}
      className={`terminal-view${active ? ' active' : ''}${ended ? ' ended' : ''}`}
      data-terminal={terminal}
      data-prompt-ready={promptReady ? 'true' : undefined}
      aria-hidden={!active}
    />
  )
}
