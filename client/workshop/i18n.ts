import { registerStrings } from '../common/registerStrings'
import { strings } from './strings'

registerStrings(strings)
