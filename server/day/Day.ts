import { nextStep } from '../../shared/day/agenda'
import type { AgendaStep } from '../../shared/workshopContracts'
import type { Storage } from '../storage/Storage'
import type { DayEvents } from './DayEvents'
import { newDayRecord, parseDayRecord, type DayRecord } from './DayRecord'
import { workshopInputPaused } from './inputHold'

/**
 * The day's state of every workshop: read through a cache, changed only through `change`,
 * which stores it before anyone hears of it. Changes of one workshop run one after another,
 * on every node sharing the storage, so two requests changing the day at once never lose one
 * of the changes.
 */
export class Day {
  private readonly cache = new Map<string, DayRecord>()

  constructor(
    private readonly storage: Storage,
    readonly events: DayEvents,
  ) {}

  /** Stores a new workshop's day (its agenda in the workshop's language). */
  async create(workshopId: string, language: 'sv' | 'en') {
    const day = newDayRecord(language)
    await this.storage.writeWorkshopDay(workshopId, JSON.stringify(day))
    this.cache.set(workshopId, day)
  }

  async get(workshopId: string): Promise<DayRecord> {
    let day = this.cache.get(workshopId)
    if (!day) {
      day = parseDayRecord(await this.storage.readWorkshopDay(workshopId))
      this.cache.set(workshopId, day)
    }
    return day
  }

  /**
   * Applies `mutate` to the stored day, stores it, then tells the live channel. The day is read
   * from storage, not the cache: another node may have changed it since this one cached it.
   */
  change<T>(workshopId: string, mutate: (day: DayRecord) => T): Promise<T> {
    return this.storage.serialized(`day:${workshopId}`, async () => {
      const day = parseDayRecord(await this.storage.readWorkshopDay(workshopId))
      const result = mutate(day)
      await this.storage.writeWorkshopDay(workshopId, JSON.stringify(day))
      this.cache.set(workshopId, day)
      this.events.emit('changed', workshopId)
      return result
    })
  }

  /** Something outside the day's record changed (a group move, a ballot): resend the state. */
  touch(workshopId: string) {
    this.events.emit('changed', workshopId)
  }

  forget(workshopId: string) {
    this.cache.delete(workshopId)
  }

  /** Moves to a step (or the next): ends the current run, starts the new one, applies its mode. */
  async goToStep(workshopId: string, target: { stepId: string } | { next: true }, now: number) {
    const day = await this.get(workshopId)
    const step =
      'next' in target
        ? nextStep(day.agenda, day.currentStepId)
        : day.agenda.find((candidate) => candidate.id === target.stepId)
    if (!step) return undefined
    const previousStepId = day.currentStepId
    await this.change(workshopId, (next) => {
      const running = next.stepRuns.find((run) => run.endedAt === null)
      if (running) running.endedAt = now
      next.stepRuns.push({ stepId: step.id, startedAt: now, endedAt: null })
      next.currentStepId = step.id
      applyMode(next, step, now)
    })
    this.events.emit('stepChanged', { workshopId, previousStepId, stepId: step.id, at: now })
    return step
  }

  /** Replaces the agenda; a current step that was removed ends now. */
  setAgenda(workshopId: string, steps: AgendaStep[], now: number) {
    return this.change(workshopId, (day) => {
      day.agenda = steps
      if (day.currentStepId && !steps.some((step) => step.id === day.currentStepId)) {
        const running = day.stepRuns.find((run) => run.endedAt === null)
        if (running) running.endedAt = now
        day.currentStepId = null
      }
    })
  }

  /** Starts silent writing, or ends it: what was written is revealed (optionally without names). */
  setPrivateWriting(workshopId: string, on: boolean, anonymous: boolean, now: number) {
    return this.change(workshopId, (day) => {
      if (on) {
        day.privateWriting = true
      } else if (day.privateWriting) {
        day.privateWriting = false
        day.revealedAt = now
        day.revealAnonymous = anonymous
      }
    })
  }

  /** Whether participants' input is paused on every board now (see inputHold.ts). */
  inputPaused(day: DayRecord, now: number): boolean {
    return workshopInputPaused(day, now)
  }
}

/** A silent-writing step starts private writing; leaving it reveals what was written. */
function applyMode(day: DayRecord, step: AgendaStep, now: number) {
  if (step.mode === 'silentWriting' && !day.privateWriting) {
    day.privateWriting = true
  } else if (step.mode !== 'silentWriting' && day.privateWriting) {
    day.privateWriting = false
    day.revealedAt = now
    day.revealAnonymous = false
  }
}
