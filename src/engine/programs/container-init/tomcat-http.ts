/**
 * What Tomcat 10.0's Coyote connector on 8080 answers when no web
 * application is deployed (the image ships its apps in webapps.dist, so
 * webapps/ is empty): the host's mapper finds no context for any path, the
 * StandardHostValve sets 404 with no message, and ErrorReportValve writes
 * its report page (org.apache.catalina.valves.ErrorReportValve.report,
 * which omits the Message paragraph when the message is empty).
 */
import { httpDate, utf8Length } from '../../../lib/http-date'
import type { HttpHandler, HttpRequest, HttpResponse } from '../../kernel/net/http'

export const TOMCAT_VERSION = 'Apache Tomcat/10.0.10'

const STYLE =
  'body {font-family:Tahoma,Arial,sans-serif;} h1, h2, h3, b {color:white;background-color:#525D76;} h1 {font-size:22px;} h2 {font-size:16px;} h3 {font-size:14px;} p {font-size:12px;} a {color:black;} .line {height:1px;background-color:#525D76;border:none;}'

const REASONS: Record<number, { reason: string; description: string }> = {
  400: { reason: 'Bad Request', description: 'The server cannot or will not process the request due to something that is perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or deceptive request routing).' },
  404: { reason: 'Not Found', description: 'The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.' },
}

/** ErrorReportValve's HTML for a status (en locale). */
export function tomcatErrorPage(status: 400 | 404, server = TOMCAT_VERSION): string {
  const { reason, description } = REASONS[status]!
  const title = `HTTP Status ${status} \u2013 ${reason}`
  return (
    `<!doctype html><html lang="en"><head><title>${title}</title><style type="text/css">${STYLE}</style></head><body>` +
    `<h1>${title}</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Description</b> ${description}</p><hr class="line" /><h3>${server}</h3></body></html>`
  )
}

/** Coyote's response: no reason phrase (Tomcat 9+ sends `HTTP/1.1 404 `), Content-Language from the locale, then Date. */
export function tomcatHandler(nowEpochMs: () => number): HttpHandler {
  return (request: HttpRequest): HttpResponse => {
    const status = request.target.startsWith('/') || request.target === '*' ? 404 : 400
    const body = tomcatErrorPage(status)
    return {
      status,
      reason: '',
      headers: [
        ['Content-Type', 'text/html;charset=utf-8'],
        ['Content-Language', 'en'],
        ['Content-Length', String(utf8Length(body))],
        ['Date', httpDate(nowEpochMs())],
      ],
      body: request.method === 'HEAD' ? '' : body,
    }
  }
}
