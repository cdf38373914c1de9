import { EMPTY_VALUE, type ChangeView, type ValueChange } from './history-labels';

/** One field's change: old → new, the items a list gained and lost, or each inspection item changed. */
export function Change({ view }: { readonly view: ChangeView }) {
  if (view.kind === 'items') {
    return (
      <>
        <span className="history-save__label">{view.label}：</span>
        {view.added.map((item) => (
          <span key={`+${item}`} className="history-save__item">
            新增 {item}
          </span>
        ))}
        {view.removed.map((item) => (
          <span key={`-${item}`} className="history-save__item history-save__item--removed">
            移除 {item}
          </span>
        ))}
      </>
    );
  }
  if (view.kind === 'details') {
    return (
      <>
        <span className="history-save__label">{view.label}：</span>
        <ul className="history-save__details">
          {view.changes.map((change) => (
            <li key={change.label} data-testid="history-detail">
              <OldToNew change={change} />
            </li>
          ))}
        </ul>
      </>
    );
  }
  return <OldToNew change={view} />;
}

function OldToNew({ change }: { readonly change: ValueChange }) {
  return (
    <>
      <span className="history-save__label">{change.label}：</span>
      <span className={change.before === EMPTY_VALUE ? 'history-save__empty' : 'history-save__old'}>
        {change.before}
      </span>
      <span className="history-save__arrow" aria-label="改为">
        {' → '}
      </span>
      <span className="history-save__value">{change.after}</span>
    </>
  );
}
