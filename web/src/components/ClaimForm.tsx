import { useState } from 'react';
import type { ClaimInput, ClaimSourceKind } from '../../../server/src/contract';
import { CLAIM_SOURCE_KINDS } from '../../../server/src/contract';
import { ClaimDraft, FIGURE_KINDS, FigureDraft, UNIT_LABELS, formProblems, inputOf, newFigure, periodHint, unitsOf } from '../lib/claim-form';
import { isTimeZone, todayIn } from '../lib/date-range';

/** Create or edit a claim (admins). The API's 400 messages name the field and are shown as they come. */
export function ClaimForm({ initial, currency, busy, problem, onSave, onCancel }: { initial: ClaimDraft; currency: string; busy: boolean; problem: string | null; onSave: (input: ClaimInput) => void; onCancel: () => void }) {
  const [d, setD] = useState(initial);
  // The server's problem is about the draft as sent: once edited, it is no longer said (a fixed zone still read "got Europe/Stockholmz").
  const [sent, setSent] = useState<ClaimDraft | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const set = (patch: Partial<ClaimDraft>) => setD({ ...d, ...patch });
  const hint = periodHint(d, todayIn(isTimeZone(d.tz) ? d.tz : 'UTC'));
  const setFigure = (i: number, patch: Partial<FigureDraft>) => set({ figures: d.figures.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const submit = () => {
    const r = inputOf(d, currency);
    if ('errors' in r) return setErrors(r.errors);
    setErrors([]);
    setSent(d);
    onSave(r.input);
  };
  return (
    <form className="card claim-form" aria-label="Claim" onSubmit={(e) => (e.preventDefault(), submit())}>
      <div className="controls">
        <label>
          Title <input value={d.title} onChange={(e) => set({ title: e.target.value })} size={40} />
        </label>
        <label>
          Source
          <select value={d.sourceKind} onChange={(e) => set({ sourceKind: e.target.value as ClaimSourceKind })}>
            {CLAIM_SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          Link or note <input value={d.sourceRef} onChange={(e) => set({ sourceRef: e.target.value })} size={30} />
        </label>
      </div>
      <div className="controls">
        <label>
          From <input type="date" value={d.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label>
          To (exclusive) <input type="date" value={d.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <label>
          Time zone <input value={d.tz} onChange={(e) => set({ tz: e.target.value })} size={16} />
        </label>
        <label>
          Channel (optional) <input value={d.channel} onChange={(e) => set({ channel: e.target.value })} size={10} />
        </label>
        <label>
          Category (optional) <input value={d.category} onChange={(e) => set({ category: e.target.value })} size={10} />
        </label>
      </div>
      {hint && (
        <p className="caveat" role="note" aria-label="Claim period">
          {hint}
        </p>
      )}
      <h3>Figures the claim states</h3>
      {d.figures.map((f, i) => (
        <fieldset key={i} className="controls" aria-label={`Figure ${i + 1}`}>
          <label>
            Figure {i + 1}
            <select value={f.kind} onChange={(e) => setFigure(i, newFigure(e.target.value as FigureDraft['kind']))}>
              {FIGURE_KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Value <input inputMode="decimal" value={f.value} onChange={(e) => setFigure(i, { value: e.target.value })} size={10} />
          </label>
          <label>
            Unit
            <select value={f.unit} onChange={(e) => setFigure(i, { unit: e.target.value })}>
              {unitsOf(f.kind).map((u) => (
                <option key={u} value={u}>
                  {UNIT_LABELS[u] ?? u}
                </option>
              ))}
            </select>
          </label>
          {f.kind === 'handleTime' && (
            <>
              <label>
                Whose
                <select value={f.who} onChange={(e) => setFigure(i, { who: e.target.value as 'ai' | 'human' })}>
                  <option value="ai">AI</option>
                  <option value="human">human</option>
                </select>
              </label>
              <label>
                Statistic
                <select value={f.stat} onChange={(e) => setFigure(i, { stat: e.target.value as 'mean' | 'median' })}>
                  <option value="median">median</option>
                  <option value="mean">mean</option>
                </select>
              </label>
            </>
          )}
          <label>
            As worded <input value={f.note} onChange={(e) => setFigure(i, { note: e.target.value })} size={24} />
          </label>
          {d.figures.length > 1 && (
            <button type="button" onClick={() => set({ figures: d.figures.filter((_, j) => j !== i) })}>
              Remove
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button type="button" onClick={() => set({ figures: [...d.figures, newFigure()] })}>
          Add a figure
        </button>{' '}
        <button type="submit" disabled={busy}>
          Save and check
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </p>
      {[...errors, ...(problem && sent === d ? formProblems(problem) : [])].map((e) => (
        <p key={e} role="alert" className="state-error">
          {e}
        </p>
      ))}
    </form>
  );
}
