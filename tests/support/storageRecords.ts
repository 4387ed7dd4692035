import { createHash, randomUUID } from 'node:crypto'
import type { Role, WorkshopBoardKind } from '../../shared/workshopContracts'
import type {
  BoardRecord,
  NewBoard,
  ParticipantRecord,
  TemplateRecord,
  TokenRecord,
  WorkshopRecord,
} from '../../server/storage/Storage'

/**
 * Small records for storage tests, with fresh ids each call so tests that share a database
 * never collide. The doc updates are opaque bytes: storage never looks inside them.
 */

export const freshId = (prefix: string) => `${prefix}-${randomUUID()}`

export const bytes = (...values: number[]) => new Uint8Array(values)

/** Bytes in a form toEqual compares the same whether they came as Buffer or Uint8Array. */
export const hex = (data: Uint8Array | undefined) =>
  data === undefined ? undefined : Buffer.from(data).toString('hex')

export function boardRecord(overrides: Partial<BoardRecord> = {}): BoardRecord {
  return {
    id: freshId('board'),
    title: 'Tavla',
    template: 'blank',
    createdAt: 1_700_000_000_000,
    ...overrides,
  }
}

export function newBoard(kind: WorkshopBoardKind, title = `${kind} board`) {
  return {
    board: boardRecord({ title }),
    initialUpdate: bytes(1, 2, 3),
    kind,
  } satisfies NewBoard & { kind: WorkshopBoardKind }
}

export function workshopRecord(overrides: Partial<WorkshopRecord> = {}): WorkshopRecord {
  return {
    id: freshId('workshop'),
    title: 'Workshop',
    date: '2026-12-02',
    track: null,
    template: 'blank',
    allowGroupChoice: false,
    createdAt: 1_700_000_000_000,
    ...overrides,
  }
}

export function tokenRecord(
  scopeId: string,
  role: Role,
  sealed = role !== 'facilitator',
): TokenRecord {
  const id = freshId('token')
  return {
    id,
    scopeId,
    role,
    hash: createHash('sha256').update(id).digest(),
    sealed: sealed ? Buffer.from(`sealed ${id}`) : null,
    createdAt: 1_700_000_000_500,
    rotatedAt: null,
  }
}

export function participantRecord(
  workshopId: string,
  overrides: Partial<ParticipantRecord> = {},
): ParticipantRecord {
  const id = freshId('participant')
  return {
    id,
    workshopId,
    keyHash: createHash('sha256').update(id).digest(),
    name: 'Anna',
    municipality: 'Umeå',
    boardId: null,
    createdAt: 1_700_000_001_000,
    ...overrides,
  }
}

export function templateRecord(overrides: Partial<TemplateRecord> = {}): TemplateRecord {
  return {
    id: freshId('template'),
    title: 'Mall',
    records: '[{"typeName":"shape"}]',
    createdAt: 1_700_000_002_000,
    workshopId: null,
    shared: true,
    ...overrides,
  }
}
