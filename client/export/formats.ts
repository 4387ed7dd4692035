export type ExportFormat = 'png' | 'svg' | 'pdf'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['png', 'svg', 'pdf']
