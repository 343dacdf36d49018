import { formatRate } from '../lib/format';
import type { QualityGrid } from '../lib/quality-grid';

/** Where AI quality is worst: CSAT top-2-box by category and channel; takes the shaped grid. */
export function QualityGridTable({ grid }: { grid: QualityGrid }) {
  return (
    <table className="table grid" aria-label="AI CSAT top-2-box by category and channel">
      <caption>
        AI CSAT top-2-box by category and channel (n answers); the worst quarter is marked ▼{grid.truncated ? '. Only the largest pairs are shown.' : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">category</th>
          {grid.channels.map((c) => (
            <th scope="col" key={c}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {grid.categories.map((cat) => (
          <tr key={cat}>
            <th scope="row">{cat}</th>
            {grid.channels.map((ch) => {
              const cell = grid.cells[cat][ch];
              if (!cell) return <td key={ch} className="muted">{grid.truncated ? 'not shown' : 'no tickets'}</td>;
              return (
                <td key={ch} className={cell.worst ? 'worst' : undefined}>
                  {cell.worst ? '▼ ' : ''}
                  {formatRate(cell.value, 0)} <span className="muted">(n={cell.n})</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
