/** A chart's onClick that hands the clicked bucket (its x label) to `onPoint`, and the cursor that says so. */
export function bucketClick(onPoint?: (bucket: string) => void) {
  return {
    onClick: (e: unknown) => {
      const label = (e as { activeLabel?: string | number } | null)?.activeLabel;
      if (onPoint && label !== undefined) onPoint(String(label));
    },
    style: onPoint ? { cursor: 'pointer' } : undefined,
  };
}
