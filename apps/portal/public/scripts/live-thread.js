// Progressive enhancement of a conversation's page (/gesprekken/<id>): new messages and read
// status appear without reloading. Every 15 seconds while the page is visible (for at most an
// hour), it asks the portal for the thread's messages as HTML (the same component the page
// renders, the same session checks) and swaps them in when something changed. It never touches
// the list while the parent is correcting a message in it, and says "Nieuw bericht" to screen
// readers. Without JavaScript the page works the same by reloading.
;(() => {
  const host = document.querySelector('[data-live-thread]')
  if (!host) return
  const source = host.getAttribute('data-live-thread')
  const INTERVAL_MS = 15_000
  const STOP_AFTER_MS = 60 * 60 * 1000
  const started = Date.now()
  const status = document.createElement('p')
  status.className = 'visually-hidden'
  status.setAttribute('role', 'status')
  host.after(status)

  const latestOf = (root) => root.querySelector('#berichten')?.getAttribute('data-latest') ?? ''
  const readLineOf = (root) => root.querySelector('#gelezen')?.textContent ?? ''

  async function refresh() {
    if (document.hidden || host.contains(document.activeElement)) return
    let response
    try {
      response = await fetch(source, { credentials: 'same-origin', cache: 'no-store' })
    } catch {
      return
    }
    if (response.status !== 200) return
    const fresh = document.createElement('div')
    fresh.innerHTML = await response.text()
    if (!fresh.querySelector('#berichten')) return
    const newMessage = latestOf(fresh) !== latestOf(host)
    if (!newMessage && readLineOf(fresh) === readLineOf(host)) return
    host.replaceChildren(...fresh.childNodes)
    if (newMessage) status.textContent = 'Nieuw bericht in dit gesprek.'
  }

  const timer = setInterval(() => {
    if (Date.now() - started > STOP_AFTER_MS) clearInterval(timer)
    else void refresh()
  }, INTERVAL_MS)
})()
