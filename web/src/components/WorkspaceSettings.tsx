import { useState } from 'react';
import type { WorkspaceInfo } from '../../../server/src/contract';
import { useCreateWorkspace, useUpdateWorkspace } from '../api/useWorkspacesQuery';
import { isTimeZone, notAZone } from '../lib/date-range';

interface Props {
  workspace: WorkspaceInfo;
  isAdmin: boolean;
  /** The instance admin (may create workspaces). */
  isInstanceAdmin: boolean;
  onOpen: (slug: string) => void;
}

/** The open workspace's settings (its admin changes the name and zone), and a new workspace (the instance admin). */
export function WorkspaceSettings({ workspace, isAdmin, isInstanceAdmin, onOpen }: Props) {
  const update = useUpdateWorkspace(workspace.slug);
  const create = useCreateWorkspace();
  const [name, setName] = useState(workspace.name);
  const [zone, setZone] = useState(workspace.ownTimeZone ? workspace.timeZone : '');
  const [slug, setSlug] = useState('');
  const [newName, setNewName] = useState('');
  const base = workspace.slug === 'default' ? '/api/v1' : `/api/v1/workspaces/${workspace.slug}`;
  const floors = workspace.alertFloors;
  // A zone that is none is said here, before sending; an answer's error goes once the fields change.
  const zoneProblem = zone.trim() !== '' && !isTimeZone(zone.trim()) ? `${notAZone(zone.trim())}, or leave it empty for the instance's` : null;
  const edit = (apply: () => void) => {
    apply();
    if (update.isError || update.isSuccess) update.reset();
  };
  return (
    <section className="card" aria-label="Workspace">
      <h2>Workspace</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{workspace.name}</dd>
        <dt>Slug (API address)</dt>
        <dd>
          <code>{base}/…</code>
        </dd>
        <dt>Reporting time zone</dt>
        <dd>{workspace.ownTimeZone ? workspace.timeZone : `${workspace.timeZone} (the instance's REPORTING_TIME_ZONE)`}</dd>
        <dt>Currency</dt>
        <dd>{workspace.currency} (set with the cost model)</dd>
        <dt>Alert floors</dt>
        <dd>{floors ? `${floors.ratePoints} rate points, ${floors.handlePercent}% or ${floors.handleSeconds} s of handle time` : "the instance's ALERT_MIN_* settings"}</dd>
        <dt>Alerts posted to</dt>
        <dd>{workspace.alertWebhook === 'own' ? 'its own webhook' : workspace.alertWebhook === 'instance' ? "the instance's ALERT_WEBHOOK_URL" : 'no webhook (set one with PATCH, docs/WORKSPACES.md)'}</dd>
      </dl>
      {isAdmin && (
        <form
          className="controls"
          onSubmit={(e) => {
            e.preventDefault();
            if (!zoneProblem) update.mutate({ name: name.trim(), timeZone: zone.trim() === '' ? null : zone.trim() });
          }}
        >
          <label>
            Workspace name <input value={name} onChange={(e) => edit(() => setName(e.target.value))} />
          </label>
          <label>
            Reporting time zone{' '}
            <input value={zone} placeholder="instance default" aria-invalid={zoneProblem !== null} aria-describedby={zoneProblem ? 'err-ws-zone' : undefined} onChange={(e) => edit(() => setZone(e.target.value))} />
            {zoneProblem && (
              <span id="err-ws-zone" className="field-error" role="alert">
                {zoneProblem}
              </span>
            )}
          </label>
          <button type="submit" disabled={update.isPending || zoneProblem !== null}>
            Save workspace
          </button>
          {update.isError && (
            <span role="alert" className="state-error">
              {update.error.message}
            </span>
          )}
          {update.isSuccess && <span role="status">Saved. A new zone's rollups build in the background; numbers stay exact meanwhile.</span>}
        </form>
      )}
      {isInstanceAdmin && (
        <form
          className="controls"
          aria-label="New workspace"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ slug: slug.trim(), name: newName.trim() }, { onSuccess: (w) => onOpen(w.slug) });
          }}
        >
          <label>
            New workspace slug <input value={slug} placeholder="brand-eu" onChange={(e) => (setSlug(e.target.value), create.isError && create.reset())} />
          </label>
          <label>
            New workspace name <input value={newName} placeholder="Brand EU" onChange={(e) => (setNewName(e.target.value), create.isError && create.reset())} />
          </label>
          <button type="submit" disabled={create.isPending}>
            Create workspace
          </button>
          {create.isError && (
            <span role="alert" className="state-error">
              {create.error.message}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
