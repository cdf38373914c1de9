export { TicketListPage } from './TicketListPage';
export { TicketNewPage } from './TicketNewPage';
export { TicketDetailPage } from './TicketDetailPage';
export {
  fetchTicketPage,
  type TicketCursor,
  type TicketPage,
  type TicketPageOptions,
} from './ticket-queries';
export { planTicketQuery, type TicketQueryPlan } from './ticket-query-plan';
export { EMPTY_FILTERS, type TicketFilters } from './ticket-filters';
export { MyOpenTickets } from './MyOpenTickets';
