/**
 * The contract's obligations at an instant (issue 16): what is met, due, at risk, overdue or broken,
 * with the records that prove it, and what the app does not check, with why. docs/obligations.md.
 */
export { type ContractObligations, contractObligations, obligationScopeOf } from './contract-obligations';
export {
  type NotTracked,
  type Obligation,
  type ObligationContext,
  type ObligationKind,
  type ObligationRecords,
  type ObligationScope,
  type ObligationState,
  OBLIGATION_KIND_LABELS,
  OBLIGATION_KINDS,
  OBLIGATION_STATE_LABELS,
  OBLIGATION_STATES,
  STATE_RANK,
  WHOLE_CONTRACT_SCOPE,
  compareObligations,
} from './obligation';
export { acceptanceDates, reportDueDates } from './reports';
