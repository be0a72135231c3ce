import type { CodedItem } from '../../electron/api/schemas';
import { formatDate } from '../ui/format';

export interface CodedListProps {
  readonly title: string;
  readonly items: readonly CodedItem[];
  readonly empty: string;
  readonly onOpen: (id: string) => void;
  readonly testId?: string;
  /** Newest first (the default); false keeps the given order (goals come soonest due first). */
  readonly sort?: boolean;
  /** The word before the item's date ("since" by default; a goal's "due"). */
  readonly dateLabel?: (item: CodedItem) => string;
}

/** Pure: active problems or active medications, newest first, each opening its details. */
export function CodedList({ title, items, empty, onOpen, testId, sort = true, dateLabel = () => 'since' }: CodedListProps) {
  const sorted = sort ? [...items].sort((a, b) => (b.start ?? '').localeCompare(a.start ?? '')) : items;
  return (
    <section className="card" aria-label={title} data-testid={testId}>
      <div className="card-title">
        <h2>{title}</h2>
        <span className="muted">{items.length > 0 ? items.length : ''}</span>
      </div>
      {sorted.length === 0 ? (
        <p className="muted" style={{ margin: 0 }}>
          {empty}
        </p>
      ) : (
        <ul className="coded-list">
          {sorted.map((item) => (
            <li key={item.id}>
              <button type="button" onClick={() => onOpen(item.id)}>
                {item.display}
              </button>
              <span className="since">{item.start ? `${dateLabel(item)} ${formatDate(item.start)}` : dateLabel(item) === 'since' ? 'start not recorded' : 'no date'}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
