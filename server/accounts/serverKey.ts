import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The server's own secret, for what only the server must be able to open again: signed-in
 * facilitators' links and the short-lived sign-in cookie. `SECRET_KEY` when set (needed when
 * several nodes share one database); otherwise a random key in `DATA_DIR/secret.key`, made on
 * first use, readable only by the server's user. The database alone opens nothing.
 */
export class ServerKey {
  private constructor(private readonly material: Buffer) {}

  static load(secretKey: string | undefined, dataDir: string): ServerKey {
    if (secretKey) return new ServerKey(Buffer.from(secretKey, 'utf8'))
    const file = path.join(dataDir, 'secret.key')
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true })
      try {
        fs.writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' })
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
    }
    return new ServerKey(fs.readFileSync(file))
  }

  /** AES-256-GCM under a key derived for `purpose`, so one sealed value cannot pose as another. */
  seal(plain: string, purpose: string): Buffer {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key(purpose), iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    return Buffer.concat([iv, cipher.getAuthTag(), body])
  }

  /** The sealed value, or undefined when it was not sealed by this key for this purpose. */
  open(sealed: Buffer, purpose: string): string | undefined {
    if (sealed.length < 28) return undefined
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(purpose), sealed.subarray(0, 12))
      decipher.setAuthTag(sealed.subarray(12, 28))
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString(
        'utf8',
      )
    } catch {
      return undefined
    }
  }

  private key(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.material, 'samskapa', purpose, 32))
  }
}
