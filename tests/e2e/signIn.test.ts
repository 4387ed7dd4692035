import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import {
  freePort,
  oidcSettings,
  startOidcProvider,
  type TestProvider,
} from '../support/oidcProvider'
import { SCREENSHOTS, seriousViolations } from '../support/pages'
import { startTestServer, type TestServer } from '../support/testServer'

let provider: TestProvider
let server: TestServer
let browser: Browser

const people = {
  anna: { login: 'anna', password: 'pw-anna', name: 'Anna Berg', email: 'anna@lund.se' },
  erik: { login: 'erik', password: 'pw-erik', name: 'Erik Lund', email: 'erik@ystad.se' },
}

beforeAll(async () => {
  const port = await freePort()
  provider = await startOidcProvider(
    [`http://127.0.0.1:${port}/auth/callback`],
    Object.values(people),
  )
  server = await startTestServer({ PORT: String(port), ...oidcSettings(provider) })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await provider?.stop()
})

async function newPage(locale = 'sv-SE') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } })
  return context.newPage()
}

async function signIn(page: Page, person: (typeof people)[keyof typeof people]) {
  await page.goto(server.url)
  await page.getByRole('link', { name: 'Logga in' }).first().click()
  const signedIn = page.getByText(`Inloggad som ${person.name}`)
  // The provider remembers a person it signed in before, as Entra ID and Keycloak do.
  await page.getByLabel('User').or(signedIn).waitFor()
  if (await signedIn.isVisible()) return
  await page.getByLabel('User').fill(person.login)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await signedIn.waitFor()
}

/** How far the page is wider than the screen (a phone must not scroll sideways). */
function horizontalOverflow(page: Page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth))
}

describe('signing in to run workshops', { timeout: 90_000 }, () => {
  it('signs in, creates a workshop, signs out, and finds it again with its links', async () => {
    const page = await newPage()
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Logga in för att skapa' }).waitFor()
    expect(await page.locator('#workshop-title').count()).toBe(0)
    await page.screenshot({ path: `${SCREENSHOTS}sign-in-lobby.png`, fullPage: true })

    await signIn(page, people.anna)
    await page.getByText('Du har inga workshoppar eller tavlor ännu.').waitFor()
    await page.locator('#workshop-title').fill('LEDA träff 4')
    await page.getByRole('button', { name: 'Skapa workshop' }).click()
    await page
      .getByText('länkarna finns kvar under Mina workshoppar och tavlor', { exact: false })
      .waitFor()
    const facilitatorLink = await page.getByLabel('Samtalsledarens länk').first().inputValue()

    await page.getByRole('button', { name: 'Logga ut' }).click()
    await page.getByRole('heading', { name: 'Logga in för att skapa' }).waitFor()

    await signIn(page, people.anna)
    const mine = page.locator('.my-scopes')
    await mine.getByRole('link', { name: 'LEDA träff 4' }).waitFor()
    await mine.getByText('Visa länkar för LEDA träff 4').click()
    const shown = await mine.getByLabel('Samtalsledarens länk').first().inputValue()
    expect(shown).toBe(facilitatorLink)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `${SCREENSHOTS}my-workshops.png`, fullPage: true })
    await page.context().close()
  })

  it('shows a workshop to a second person only after they are made co-facilitator', async () => {
    const erik = await newPage()
    await signIn(erik, people.erik)
    await erik.getByText('Du har inga workshoppar eller tavlor ännu.').waitFor()

    const anna = await newPage()
    await signIn(anna, people.anna)
    await anna.locator('.my-scopes').getByRole('link', { name: 'LEDA träff 4' }).click()
    await anna.getByRole('heading', { name: 'Medansvariga samtalsledare' }).waitFor()
    await anna.getByLabel('E-post eller namn').fill('erik@ystad.se')
    await anna.getByRole('button', { name: 'Lägg till', exact: true }).click()
    await anna.getByText('Erik Lund är nu medansvarig.').waitFor()
    expect(await seriousViolations(anna, '.co-facilitators')).toEqual([])
    await anna.screenshot({ path: `${SCREENSHOTS}co-facilitators.png`, fullPage: true })

    await erik.reload()
    await erik.locator('.my-scopes').getByRole('link', { name: 'LEDA träff 4' }).click()
    await erik.getByRole('heading', { name: 'Medansvariga samtalsledare' }).waitFor()
    await anna.context().close()
    await erik.context().close()
  })

  it.each([
    ['ipad', { width: 1024, height: 1366 }],
    ['phone', { width: 390, height: 844 }],
  ] as const)('fits the signed-in lobby and the overview on a %s', async (screen, viewport) => {
    const page = await newPage()
    await page.setViewportSize(viewport)
    await signIn(page, people.anna)
    const mine = page.locator('.my-scopes')
    await mine.getByText('Visa länkar för LEDA träff 4').click()
    await page.screenshot({ path: `${SCREENSHOTS}my-workshops-${screen}.png`, fullPage: true })
    expect(await horizontalOverflow(page)).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await mine.getByRole('link', { name: 'LEDA träff 4' }).click()
    await page.getByRole('heading', { name: 'Medansvariga samtalsledare' }).waitFor()
    await page.screenshot({ path: `${SCREENSHOTS}co-facilitators-${screen}.png`, fullPage: true })
    expect(await horizontalOverflow(page)).toBe(0)
    await page.context().close()
  })

  it('lets a guest join by the participant link without an account', async () => {
    const anna = await newPage()
    await signIn(anna, people.anna)
    const mine = anna.locator('.my-scopes')
    await mine.getByText('Visa länkar för LEDA träff 4').click()
    const participantLink = await mine.getByLabel('Deltagarlänk').first().inputValue()
    await anna.context().close()

    const guest = await newPage()
    await guest.goto(participantLink)
    await guest.getByRole('button', { name: /Gå med/ }).waitFor()
    await guest.context().close()
  })
})
