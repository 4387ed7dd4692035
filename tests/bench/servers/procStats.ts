import fs from 'node:fs'
import { execFileSync } from 'node:child_process'

/** Clock ticks per second for /proc/<pid>/stat times (almost always 100 on Linux). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
  } catch {
    return 100
  }
})()

export interface CpuSample {
  /** User + system CPU seconds used so far. */
  cpuSeconds: number
  atMs: number
}

/** Reads a process's CPU time from /proc, the way pidusage does, without a package. */
export function readCpu(pid: number): CpuSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may contain spaces; fields after it are space separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const utime = Number(fields[11])
  const stime = Number(fields[12])
  return { cpuSeconds: (utime + stime) / CLOCK_TICKS, atMs: performance.now() }
}

/** Resident set size in MiB, from /proc/<pid>/status. */
export function readRssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = /VmRSS:\s+(\d+) kB/.exec(status)
  return match ? Number(match[1]) / 1024 : NaN
}

/** Fraction of one core used between two samples (1.0 = one core busy). */
export function cpuFraction(from: CpuSample, to: CpuSample): number {
  const elapsed = (to.atMs - from.atMs) / 1000
  return elapsed > 0 ? (to.cpuSeconds - from.cpuSeconds) / elapsed : 0
}

/**
 * Samples a process's RSS every `intervalMs` and remembers the peak, so a window's
 * report shows the high-water mark rather than whatever the last sample happened to be.
 */
export class RssSampler {
  private peak = 0
  private last = 0
  private readonly timer: ReturnType<typeof setInterval>

  constructor(
    private readonly pid: number,
    intervalMs = 250,
  ) {
    this.timer = setInterval(() => this.sample(), intervalMs)
    this.timer.unref()
    this.sample()
  }

  private sample() {
    try {
      this.last = readRssMiB(this.pid)
      this.peak = Math.max(this.peak, this.last)
    } catch {
      // The process has exited; keep the last values.
    }
  }

  stop(): { peakMiB: number; lastMiB: number } {
    clearInterval(this.timer)
    this.sample()
    return { peakMiB: this.peak, lastMiB: this.last }
  }
}

export interface MachineSample {
  busySeconds: number
  /** Seconds spent waiting for I/O (e.g. fsync), summed over cores. */
  iowaitSeconds: number
  atMs: number
}

/** Whole-machine CPU time from /proc/stat, to see how much of it others used. */
export function readMachine(): MachineSample {
  const cpu = fs
    .readFileSync('/proc/stat', 'utf8')
    .split('\n', 1)[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number)
  const [user = 0, nice = 0, system = 0, , iowait = 0, irq = 0, softirq = 0, steal = 0] = cpu
  return {
    busySeconds: (user + nice + system + irq + softirq + steal) / CLOCK_TICKS,
    iowaitSeconds: iowait / CLOCK_TICKS,
    atMs: performance.now(),
  }
}
