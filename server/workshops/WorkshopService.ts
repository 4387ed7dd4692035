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

export const boardNames: Record<
  Language,
  { group: (n: number) => string; plenary: string; recorder: string }
> = {
  sv: { group: (n) => `Grupp ${n}`, plenary: 'Plenum', recorder: 'Dokumentation' },
  en: { group: (n) => `Group ${n}`, plenary: 'Plenary', recorder: 'Documentation' },
}

/** The graphic recorder's board: blank, the only board a recorder may draw on. */
export async function buildRecorderBoard(storage: Storage, language: Language) {
  const name = boardNames[language].recorder
  return {
    ...(await buildBoard({ title: name, template: 'blank', language }, storage)),
    kind: 'recorder' as const,
  }
}

/**
 * Creates a workshop: one board per group from the chosen template, one blank plenary board,
 * one blank recorder board, and a token per role, all stored in one transaction.
 */
export async function createWorkshop(storage: Storage, input: NewWorkshop) {
  const names = boardNames[input.language]
  const boards: (NewBoard & { kind: WorkshopBoardKind })[] = []
  for (let n = 1; n <= input.groups; n++) {
    const board = await buildBoard(
      {
        title: names.group(n),
        template: input.template,
        language: input.language,
      },
      storage,
    )
    boards.push({ ...board, kind: 'group' })
  }
  boards.push({
    ...(await buildBoard(
      { title: names.plenary, template: 'blank', language: input.language },
      storage,
    )),
    kind: 'plenary',
  })
  boards.push(await buildRecorderBoard(storage, input.language))
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
  await storage.createWorkshop(workshop, boards, issued.records)
  return { workshop, boards: await storage.workshopBoards(workshop.id), tokens: issued.tokens }
}
