/**
 * Share the open lab: the link (copied to the clipboard), its QR code for a projector, the lab
 * as a file to download, a file to open, and the docker commands as a shell script. A file that
 * is opened goes through the same validation as a link (src/share/codec.ts).
 */
import { useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react'
import { useStore } from 'zustand'
import { parseScenarioJson, scenarioJson, shareLink } from '../../share/codec'
import { exportShellScript } from '../../share/export'
import { exportCompose } from '../../share/compose'
import { LIMITS, SCRIPT_LIKE, type Scenario } from '../../share/scenario'
import { currentScenario, importScenario, setLabError } from '../../store/lab'
import { useT } from '../i18n/use-t'
import { panelStore, togglePanel } from './panel-state'
import { QR_MAX_BYTES, QrCode } from './QrCode'

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The scenario to share: the lab's name only if it would pass validation on the other side. */
function sharable(): Scenario {
  const { name, ...rest } = currentScenario()
  return name !== undefined && name.length <= 120 && !SCRIPT_LIKE.test(name) ? { ...rest, name } : rest
}

export function openScenarioFile(file: File): void {
  if (file.size > LIMITS.fileBytes) {
    setLabError({ code: 'too-long', detail: `${file.size} bytes` })
    return
  }
  void file.text().then((text) => {
    const r = parseScenarioJson(text)
    if (r.ok) importScenario(r.scenario, r.scenario.name ?? file.name.replace(/\.json$/i, '').slice(0, 60))
    else setLabError(r.error)
  })
}

export function ShareDialog() {
  const t = useT()
  const open = useStore(panelStore, (s) => s.share)
  const dialog = useRef<HTMLDialogElement>(null)
  const [copied, setCopied] = useState(false)
  const [doc, setDoc] = useState<Scenario | undefined>()
  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (open && !d.open) {
      setDoc(sharable())
      setCopied(false)
      d.showModal()
    }
    if (!open && d.open) d.close()
  }, [open])
  const link = useMemo(() => (doc ? shareLink(location.href, doc) : ''), [doc])
  const compose = useMemo(() => (doc ? exportCompose(doc) : undefined), [doc])
  useEffect(() => {
    if (!link) return
    navigator.clipboard?.writeText(link).then(
      () => setCopied(true),
      () => undefined,
    )
  }, [link])

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0]
    e.target.value = ''
    if (file) {
      togglePanel('share', false)
      openScenarioFile(file)
    }
  }

  return (
    <dialog ref={dialog} className="help-dialog share-dialog" aria-labelledby="share-title" onClose={() => togglePanel('share', false)} data-testid="share-dialog">
      <h2 id="share-title">{t('share.title')}</h2>
      <p>{t('share.intro')}</p>
      <label className="share-link">
        {t('share.link')} <small>({t('share.length', { n: link.length })})</small>
        <input readOnly value={link} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="share-actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(link).then(
              () => setCopied(true),
              () => undefined,
            )
          }
        >
          {copied ? t('share.copied') : t('share.copy')}
        </button>
        <button type="button" onClick={() => doc && download('dockernet-lab.json', scenarioJson(doc, 2), 'application/json')}>
          {t('share.download')}
        </button>
        <label className="file-button">
          {t('share.upload')}
          <input type="file" accept=".json,application/json" onChange={onFile} data-testid="share-upload" />
        </label>
        <button type="button" onClick={() => doc && download('dockernet-lab.sh', exportShellScript(doc), 'text/x-shellscript')}>
          {t('share.export')}
        </button>
        {compose !== undefined && (
          <button type="button" onClick={() => download('compose.yaml', compose, 'application/yaml')}>
            {t('share.exportCompose')}
          </button>
        )}
      </div>
      {link.length > 0 && link.length <= QR_MAX_BYTES ? <QrCode text={link} label={t('share.qr')} /> : <p>{t('share.qrTooLong')}</p>}
      <form method="dialog">
        <button type="submit">{t('share.close')}</button>
      </form>
    </dialog>
  )
}
