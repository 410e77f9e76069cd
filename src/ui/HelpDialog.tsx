/** The keyboard-shortcut list, in a native modal <dialog> (focus trap and Escape come with it). */
import { useEffect, useRef } from 'react'
import { useT } from './i18n/use-t'
import { SHORTCUTS } from './shortcuts'

export function HelpDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT()
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = dialog.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return (
    <dialog ref={dialog} className="help-dialog" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">{t('help.title')}</h2>
      <table>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{t(s.help)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('help.close')}
        </button>
      </form>
    </dialog>
  )
}
