// Recharts props that make every chart follow the page's light/dark colours.

/** Spread onto <Tooltip>: its box and items in the card's colours. */
export const TOOLTIP_THEME = {
  contentStyle: { background: 'var(--card)', color: 'var(--fg)' },
  itemStyle: { color: 'var(--fg)' },
} as const;
