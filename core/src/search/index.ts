export {
  MAX_RECORD_TOKENS,
  MAX_TOKEN_LENGTH,
  matches,
  normalizeSearchText,
  queryTokens,
  recordSearchTokens,
  searchTokens,
  type QueryTerm,
} from './search-tokens';
export { ticketSearchTokens } from './ticket-search';
