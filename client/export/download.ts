/** Characters file systems refuse, and control characters, become a dash. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g

export function fileName(title: string, extension: string): string {
  const safe = title.replace(UNSAFE, '-').trim().slice(0, 100) || 'samskapa'
  return `${safe}.${extension}`
}

/** Saves a blob the browser made as a download, without leaving the page. */
export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The download has started by the next turn; the URL is no longer needed then.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
