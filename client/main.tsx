import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { enableOfflineReload } from './common/offlineCache'
import { setUpI18n } from './i18n'
import './styles.css'

await setUpI18n()
void enableOfflineReload()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
