export interface TemplateOption {
  id: string
  title: string
}

/** The lobby's template picker, for a board or for a workshop's group boards. */
export function TemplateSelect(props: {
  id: string
  templates: TemplateOption[]
  value: string
  onChange: (templateId: string) => void
  describedBy?: string
}) {
  return (
    <select
      id={props.id}
      value={props.value}
      aria-describedby={props.describedBy}
      onChange={(event) => props.onChange(event.target.value)}
    >
      {props.templates.map((option) => (
        <option key={option.id} value={option.id}>
          {option.title}
        </option>
      ))}
    </select>
  )
}
