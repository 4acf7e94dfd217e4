import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScheduleBrief } from '../../src/connect/sources-view';
import type { ConnectorInfo } from '../../src/entry/api';
import type { ErrorInfo } from '../../src/shared/errors';
import type { ConnectionSummary } from '../../src/sync/status';
import { useSidebarContext } from '../context';
import { useNavigation } from '../navigation';
import { call } from '../rpc';
import { ConnectionCard } from '../sources/ConnectionCard';
import { ConnectorPicker } from '../sources/ConnectorPicker';
import { scheduleNote } from '../sources/connection-notes';
import { demoToOfferRemoving, readDismissed, writeDismissed } from '../sources/demo-offer';
import { SetupForm } from '../sources/SetupForm';
import { SyncProgressView } from '../sources/SyncProgress';
import '../sources/sources.css';
import { useSyncRun } from '../sources/use-sync-run';
import { Button } from '../ui/Button';
import { ErrorNotice, SuccessNotice } from '../ui/ErrorNotice';
import { asErrorInfo } from '../ui/use-call';

type Mode =
  | { kind: 'list' }
  | { kind: 'pick' }
  | { kind: 'setup'; connector: ConnectorInfo; editing?: ConnectionSummary }
  | { kind: 'sync'; connectionId: string; label: string };

/** The sidebar's own storage, where the browser allows it. */
const browserStorage = (): Storage | undefined =>
  typeof localStorage === 'undefined' ? undefined : localStorage;

/**
 * Sources: the connections with their health and actions; adding one (picker → setup form);
 * and a sync in progress. With no connections yet it opens straight on the picker.
 */
export function SourcesPanel() {
  const { user } = useSidebarContext();
  const nav = useNavigation();
  const sync = useSyncRun();
  const [connectors, setConnectors] = useState<ConnectorInfo[] | null>(null);
  const [connections, setConnections] = useState<ConnectionSummary[] | null>(null);
  const [schedule, setSchedule] = useState<ScheduleBrief | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [now, setNow] = useState(Date.now());
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [demoOfferDismissed, setDemoOfferDismissed] = useState(() => readDismissed(browserStorage));
  const [removingDemo, setRemovingDemo] = useState<string | null>(null);

  async function load(): Promise<ConnectionSummary[] | null> {
    try {
      const [list, view] = await Promise.all([
        connectors ? Promise.resolve(connectors) : call('listConnectors'),
        call('sourcesView'),
      ]);
      setConnectors(list);
      setConnections(view.connections);
      setSchedule(view.schedule);
      setNow(Date.parse(view.now));
      setError(null);
      return view.connections;
    } catch (e) {
      setError(asErrorInfo(e));
      return null;
    }
  }

  useEffect(() => {
    load().then((conns) => {
      if (conns && conns.length === 0) setMode({ kind: 'pick' });
    });
  }, []);

  // Keyboard and screen-reader users land on the new view's heading, not at the top of the page.
  useEffect(() => {
    if (mode.kind !== 'list') headingRef.current?.focus();
  }, [mode.kind]);

  function startSync(connectionId: string, label: string, connector: string) {
    setMode({ kind: 'sync', connectionId, label });
    void sync.start(connectionId, connector).then(() => load());
  }

  /** A removed source's tiles and charts leave the Dashboard at once, not at the next schedule. */
  async function rebuildWithout(label: string) {
    setNotice(`Removed ${label}. Updating the Dashboard…`);
    try {
      await call('refreshNow');
      setNotice(`Removed ${label}. The Dashboard is up to date.`);
    } catch (e) {
      setNotice(null);
      setError(asErrorInfo(e));
    }
  }

  function back() {
    sync.reset();
    setMode({ kind: 'list' });
    void load();
  }

  const demoOffer = !demoOfferDismissed && connections ? demoToOfferRemoving(connections) : undefined;
  function dismissDemoOffer() {
    writeDismissed(browserStorage);
    setDemoOfferDismissed(true);
  }

  const connectorOf = (c: ConnectionSummary) => connectors?.find((k) => k.id === c.connector);
  const title =
    mode.kind === 'pick'
      ? 'Add a source'
      : mode.kind === 'setup'
        ? mode.editing
          ? 'Edit source'
          : 'Add a source'
        : mode.kind === 'sync'
          ? `Syncing ${mode.label}`
          : 'Sources';

  return (
    <section aria-labelledby="sources-title" data-testid="panel-sources">
      <h2 id="sources-title" ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      <ErrorNotice error={error} testId="sources-error" />
      {mode.kind === 'list' && <SuccessNotice text={notice} testId="sources-notice" />}
      {!connections && !error && <p class="muted">Loading sources…</p>}

      {mode.kind === 'list' && connections && (
        <>
          {demoOffer && removingDemo === null && (
            <section class="notice info-notice" aria-label="Remove the demo" data-testid="demo-offer">
              <p>Your own data is in. Remove the demo?</p>
              <div class="actions">
                <Button
                  small
                  danger
                  testId="demo-offer-remove"
                  onClick={() => {
                    setRemovingDemo(demoOffer.id);
                    dismissDemoOffer();
                  }}
                >
                  Remove the demo
                </Button>
                <Button small testId="demo-offer-keep" onClick={dismissDemoOffer}>
                  Keep it
                </Button>
              </div>
            </section>
          )}
          {connections.length > 0 && scheduleNote(schedule) && (
            <p class="small-text muted" data-testid="sources-schedule-note">
              {scheduleNote(schedule)}
            </p>
          )}
          {connections.length === 0 ? (
            <p class="muted">No sources yet. Add one to start filling your Dashboard.</p>
          ) : (
            <ul class="list" data-testid="connections">
              {connections.map((c) => (
                <ConnectionCard
                  key={c.id}
                  connection={c}
                  all={connections}
                  connector={connectorOf(c)}
                  schedule={schedule}
                  askRemove={removingDemo === c.id}
                  me={user}
                  now={now}
                  onSync={() => startSync(c.id, c.label, c.connector)}
                  onEdit={() => {
                    const connector = connectorOf(c);
                    if (connector) setMode({ kind: 'setup', connector, editing: c });
                  }}
                  onChanged={(u) => setConnections((all) => all?.map((x) => (x.id === u.id ? u : x)) ?? null)}
                  onRemoved={(id) => {
                    setRemovingDemo(null);
                    setConnections((all) => all?.filter((x) => x.id !== id) ?? null);
                    void load();
                    void rebuildWithout(c.label);
                  }}
                />
              ))}
            </ul>
          )}
          <div class="actions">
            <Button primary onClick={() => setMode({ kind: 'pick' })} testId="add-source">
              Add a source
            </Button>
          </div>
        </>
      )}

      {mode.kind === 'pick' && connectors && (
        <>
          <ConnectorPicker
            connectors={connectors}
            onChoose={(connector) => setMode({ kind: 'setup', connector })}
          />
          {connections && connections.length > 0 && (
            <div class="actions">
              <Button onClick={() => setMode({ kind: 'list' })} testId="pick-back">
                Back to sources
              </Button>
            </div>
          )}
        </>
      )}

      {mode.kind === 'setup' && (
        <SetupForm
          key={mode.editing?.id ?? mode.connector.id}
          connector={mode.connector}
          editing={mode.editing}
          me={user}
          onSaved={(saved) => startSync(saved.id, saved.label, saved.connector)}
          onCancel={() => setMode({ kind: connections?.length ? 'list' : 'pick' })}
        />
      )}

      {mode.kind === 'sync' && (
        <>
          <SyncProgressView label={mode.label} run={sync.state} onCancel={sync.cancel} />
          {sync.state.phase !== 'syncing' && sync.state.phase !== 'refreshing' && (
            <div class="actions">
              {sync.state.phase === 'finished' && (
                <Button primary onClick={() => nav.go('dashboard')} testId="sync-open-dashboard">
                  Open the Dashboard
                </Button>
              )}
              <Button onClick={back} testId="sync-back">
                Back to sources
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
