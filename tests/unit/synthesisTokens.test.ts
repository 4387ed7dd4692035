import { describe, expect, it } from 'vitest'
import {
  hashSecret,
  issueTokens,
  revealTokens,
  rotateToken,
  sameHash,
} from '../../server/auth/tokens'

describe('role tokens', () => {
  it('are 256 random bits, stored only as SHA-256 hashes', () => {
    const { tokens, records } = issueTokens('scope1')
    for (const record of records) {
      expect(tokens[record.role]).toMatch(/^[\w-]{43}$/)
      expect(sameHash(record.hash, hashSecret(tokens[record.role]))).toBe(true)
      expect(JSON.stringify(record)).not.toContain(tokens[record.role])
    }
  })

  it('reveal the other links only to the facilitator token', () => {
    const { tokens, records } = issueTokens('scope1')
    expect(revealTokens(records, tokens.facilitator)).toEqual(tokens)
    expect(() => revealTokens(records, tokens.participant)).toThrow()
  })

  it('rotation replaces one role and re-seals the others under a new facilitator token', () => {
    const { tokens, records } = issueTokens('scope1')
    const participant = rotateToken(records, 'participant', tokens.facilitator)
    expect(participant.replaced.map((r) => r.role)).toEqual(['participant'])
    expect(participant.tokens.participant).not.toBe(tokens.participant)
    expect(participant.revokedId).toBe(records.find((r) => r.role === 'participant')!.id)

    const facilitator = rotateToken(records, 'facilitator', tokens.facilitator)
    expect(facilitator.tokens.viewer).toBe(tokens.viewer)
    expect(revealTokens(facilitator.replaced, facilitator.tokens.facilitator)).toEqual(
      facilitator.tokens,
    )
    expect(() => revealTokens(facilitator.replaced, tokens.facilitator)).toThrow()
  })
})
