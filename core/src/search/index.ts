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
export { ticketSearchParts, ticketSearchTokens, type TicketSearchParts } from './ticket-search';
