import { useCallback, useState } from 'react'

const MUTED_KEY = 'samskapa.timerMuted'

/** Whether this person muted the timer's tone (kept in this browser). */
export function useTimerMute(): [boolean, () => void] {
  const [muted, setMuted] = useState(() => localStorage.getItem(MUTED_KEY) === '1')
  const toggle = useCallback(() => {
    setMuted((before) => {
      localStorage.setItem(MUTED_KEY, before ? '0' : '1')
      return !before
    })
  }, [])
  return [muted, toggle]
}

/**
 * A short two-note chime made with Web Audio: no sound file to fetch, nothing from another
 * host. Browsers allow it once the person has interacted with the page.
 */
export function playChime() {
  const AudioContextClass = window.AudioContext
  if (!AudioContextClass) return
  const audio = new AudioContextClass()
  const start = audio.currentTime
  for (const [i, frequency] of [880, 660].entries()) {
    const oscillator = audio.createOscillator()
    const gain = audio.createGain()
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, start + i * 0.35)
    gain.gain.exponentialRampToValueAtTime(0.25, start + i * 0.35 + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.3)
    oscillator.connect(gain).connect(audio.destination)
    oscillator.start(start + i * 0.35)
    oscillator.stop(start + i * 0.35 + 0.32)
  }
  setTimeout(() => void audio.close(), 1200)
}
