import { useTranslation } from 'react-i18next'
import { CopyButton } from './CopyButton'
import {
  ROLES,
  type BoardRoleLinks,
  type Role,
  type RoleLinks,
} from '../../shared/workshopContracts'

/** The links of a workshop, one per role, each with who should get it and a copy button. */
export function WorkshopLinks({
  links,
  onRotate,
}: {
  links: RoleLinks | BoardRoleLinks
  onRotate?: (role: Role) => void
}) {
  const { t } = useTranslation()
  return (
    <dl className="workshop-links">
      {ROLES.filter((role): role is keyof typeof links => role in links).map((role) => (
        <div key={role} className={`workshop-link link-${role}`}>
          <dt>
            <span aria-hidden="true" className="role-icon">
              {t(`workshop.roleIcon.${role}`)}
            </span>{' '}
            {t(`workshop.link.${role}`)}
          </dt>
          <dd>
            <p className="muted">{t(`workshop.linkWho.${role}`)}</p>
            <div className="link-row">
              <input
                readOnly
                value={links[role]}
                aria-label={t(`workshop.link.${role}`)}
                onFocus={(event) => event.target.select()}
              />
              <CopyButton text={links[role]} what={t(`workshop.link.${role}`)} />
              {onRotate && (
                <button type="button" className="small quiet" onClick={() => onRotate(role)}>
                  {t('workshop.rotate')}
                </button>
              )}
            </div>
          </dd>
        </div>
      ))}
    </dl>
  )
}
