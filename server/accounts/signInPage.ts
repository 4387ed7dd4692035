import type { ServerResponse } from 'node:http'

const texts = {
  sv: {
    title: 'Inloggningen misslyckades',
    failed: 'Det gick inte att logga in. Försök igen, eller kontakta den som driver Samskapa.',
    groupNotAllowed: 'Ditt konto hör inte till någon grupp som får skapa workshoppar här.',
    domainNotAllowed: 'Ditt konto har ingen e-postadress som får skapa workshoppar här.',
    expired: 'Inloggningen tog för lång tid eller startades i en annan flik. Försök igen.',
    providerDown: 'Inloggningstjänsten svarar inte just nu. Försök igen om en stund.',
    rateLimited:
      'För många inloggningar från den här adressen just nu. Vänta en minut och försök igen.',
    again: 'Försök igen',
    home: 'Till startsidan',
  },
  en: {
    title: 'Sign-in failed',
    failed: 'Signing in did not work. Try again, or contact whoever runs Samskapa.',
    groupNotAllowed: 'Your account is in no group that may create workshops here.',
    domainNotAllowed: 'Your account has no e-mail address that may create workshops here.',
    expired: 'Signing in took too long or was started in another tab. Try again.',
    providerDown: 'The sign-in service does not answer right now. Try again in a while.',
    rateLimited: 'Too many sign-ins from this address just now. Wait a minute and try again.',
    again: 'Try again',
    home: 'To the start page',
  },
}

export type SignInProblem =
  'failed' | 'groupNotAllowed' | 'domainNotAllowed' | 'expired' | 'providerDown' | 'rateLimited'

/** A plain page that says what went wrong in the person's language; never a stack trace. */
export function sendSignInProblem(
  res: ServerResponse,
  status: number,
  problem: SignInProblem,
  language: 'sv' | 'en',
) {
  const t = texts[language]
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title} – Samskapa</title></head>
<body>
<main>
<h1>${t.title}</h1>
<p role="alert">${t[problem]}</p>
<p><a href="/auth/login">${t.again}</a> · <a href="/">${t.home}</a></p>
</main>
</body>
</html>`
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
  })
  res.end(html)
}
