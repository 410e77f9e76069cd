// The page's test hook (installed by src/ui/terminal/registry.ts), as seen from
// Playwright's page.evaluate in e2e/ and bench/.
export {}
declare global {
  interface Window {
    __dockernet?: {
      terminalText(id: string): string
      terminalIds(): string[]
      hops(): string[]
      terminalFontSize(id: string): number
    }
  }
}
