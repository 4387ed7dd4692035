import { useSyncExternalStore } from 'react'

/** Whether a CSS media query matches now; re-renders when it starts or stops matching. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    () => window.matchMedia(query).matches,
  )
}

/** Phones, upright or on their side: the writing view comes first, the sorting panel folds. */
export const PHONE_QUERY = '(max-width: 640px), (max-height: 480px) and (max-width: 960px)'
