import { EMPTY_VALUE, type ChangeView } from './history-labels';

/** One field's change: old → new, or the items a list gained and lost. */
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
  return (
    <>
      <span className="history-save__label">{view.label}：</span>
      <span className={view.before === EMPTY_VALUE ? 'history-save__empty' : 'history-save__old'}>
        {view.before}
      </span>
      <span className="history-save__arrow" aria-label="改为">
        {' → '}
      </span>
      <span className="history-save__value">{view.after}</span>
    </>
  );
}
