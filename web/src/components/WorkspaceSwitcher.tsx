import type { WorkspaceInfo } from '../../../server/src/contract';

interface Props {
  workspaces: readonly WorkspaceInfo[];
  current: string;
  onChange: (slug: string) => void;
}

/** The workspace being looked at; a token of one workspace sees only its own (shown, not a choice). */
export function WorkspaceSwitcher({ workspaces, current, onChange }: Props) {
  if (workspaces.length <= 1) {
    const only = workspaces[0];
    return only ? <span className="muted" title="Workspace">{only.name}</span> : null;
  }
  return (
    <label className="workspace-switcher">
      <span className="visually-hidden">Workspace</span>
      <select aria-label="Workspace" value={current} onChange={(e) => onChange(e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>
            {w.name}
            {w.hasData ? '' : ' (empty)'}
          </option>
        ))}
      </select>
    </label>
  );
}
