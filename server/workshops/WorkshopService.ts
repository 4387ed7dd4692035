import type { Language } from '../../shared/templates'
import type { WorkshopBoardKind } from '../../shared/workshopContracts'
import { issueTokens, type IssuedTokens } from '../auth/tokens'
import { buildBoard, newId } from '../boards/BoardService'
import type { NewBoard, Storage, WorkshopRecord } from '../storage/Storage'

export interface NewWorkshop {
  title: string
  groups: number
  template: string
  track: string | null
  date: string | null
  language: Language
}

const boardNames: Record<Language, { group: (n: number) => string; plenary: string }> = {
  sv: { group: (n) => `Grupp ${n}`, plenary: 'Plenum' },
  en: { group: (n) => `Group ${n}`, plenary: 'Plenary' },
}

/**
 * Creates a workshop: one board per group from the chosen template, one blank plenary board,
 * and a token per role, all stored in one transaction.
 */
export function createWorkshop(storage: Storage, input: NewWorkshop) {
  const names = boardNames[input.language]
  const boards: (NewBoard & { kind: WorkshopBoardKind })[] = []
  for (let n = 1; n <= input.groups; n++) {
    const board = buildBoard({
      title: names.group(n),
      template: input.template,
      language: input.language,
    })
    boards.push({ ...board, kind: 'group' })
  }
  boards.push({
    ...buildBoard({ title: names.plenary, template: 'blank', language: input.language }),
    kind: 'plenary',
  })
  const workshop: WorkshopRecord = {
    id: newId(),
    title: input.title,
    date: input.date,
    track: input.track,
    template: boards[0]!.board.template,
    allowGroupChoice: false,
    createdAt: Date.now(),
  }
  const issued: IssuedTokens = issueTokens(workshop.id)
  storage.createWorkshop(workshop, boards, issued.records)
  return { workshop, boards: storage.workshopBoards(workshop.id), tokens: issued.tokens }
}
