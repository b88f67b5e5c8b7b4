import type { Browser, Page } from 'playwright-core'

export type Theme = 'light' | 'dark'

/** A fresh page on the UI in one theme (stored choice and the OS preference both say so). */
export async function openUi(browser: Browser, url: string, theme: Theme, initScripts: string[] = []): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme, reducedMotion: 'reduce' })
  // Runs in the page before the app starts; a string keeps the node-side typecheck free of DOM names.
  await context.addInitScript(`localStorage.setItem('switchboard.theme', ${JSON.stringify(theme)})`)
  for (const script of initScripts) await context.addInitScript(script)
  const page = await context.newPage()
  await page.goto(url)
  await page.getByRole('heading', { name: 'Monitor' }).waitFor()
  return page
}

/** Dials the sandbox agent from the phone panel and speaks: the Monitor row then waits for a person. */
export async function waitingCall(page: Page, text: string): Promise<void> {
  const phone = page.getByRole('complementary', { name: 'Sandbox phone' })
  await phone.getByRole('button', { name: 'Dial' }).click()
  await phone.getByLabel('Say as the caller').fill(text)
  await phone.getByRole('button', { name: 'Say', exact: true }).click()
  const row = page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first()
  await row.getByText('Waiting for you').waitFor()
}

/** Opens the first live call in the Call view. */
export async function openFirstCall(page: Page): Promise<void> {
  await page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first().click()
  await page.getByRole('log', { name: 'Transcript' }).waitFor()
}

/** Goes to Messages through the main navigation (a link or a button, whichever the nav uses). */
export async function openMessages(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' })
  const link = nav.getByRole('link', { name: /^Messages/ }).or(nav.getByRole('button', { name: /^Messages/ }))
  await link.first().click()
  await page.getByRole('heading', { name: 'Messages', exact: true }).first().waitFor()
}

/** Back to the Monitor's list from wherever the page is. */
export async function openMonitor(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: /^Monitor/ }).or(nav.getByRole('button', { name: /^Monitor/ })).first().click()
}
