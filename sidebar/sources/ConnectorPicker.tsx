import { useState } from 'preact/hooks';
import type { ConnectorInfo } from '../../src/entry/api';
import { Field } from '../ui/Field';
import { badgeTextColor } from './badge-contrast';
import { matchConnectors } from './connector-search';

export function Badge({ badge }: { badge: ConnectorInfo['badge'] }) {
  return (
    <span
      class="badge"
      style={{ background: badge.color, color: badgeTextColor(badge.color) }}
      aria-hidden="true"
    >
      {badge.initials}
    </span>
  );
}

/** The searchable list of sources: a badge, the name and one line each; choosing one opens its form. */
export function ConnectorPicker({
  connectors,
  onChoose,
}: {
  connectors: readonly ConnectorInfo[];
  onChoose: (connector: ConnectorInfo) => void;
}) {
  const [query, setQuery] = useState('');
  const found = matchConnectors(connectors, query);
  return (
    <div data-testid="connector-picker">
      <Field id="connector-search" label="Search sources">
        <input
          id="connector-search"
          type="search"
          value={query}
          placeholder="Stripe, GitHub, CSV…"
          autocomplete="off"
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
      </Field>
      {found.length === 0 ? (
        <p class="muted" role="status">
          No source matches "{query}". The JSON API source can read most APIs that return a list.
        </p>
      ) : (
        <ul class="list connector-list">
          {found.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                class="connector-choice"
                data-testid={`connector-${c.id}`}
                onClick={() => onChoose(c)}
              >
                <Badge badge={c.badge} />
                <span class="connector-text">
                  <span class="connector-label">{c.label}</span>
                  <span class="connector-description">{c.description}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
