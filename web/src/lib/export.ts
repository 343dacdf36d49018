// Exports: CSV from the API (the same rows and filters as the JSON), PNG from a chart's SVG.

/** `<name>-<from>-<to>.<ext>`, safe for any file system. */
export function exportFileName(name: string, params: Record<string, string | undefined>, ext: string): string {
  const parts = [name, params.from, params.to].filter(Boolean).join('-');
  return `claimcheck-${parts.replace(/[^A-Za-z0-9._-]+/g, '_')}.${ext}`;
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Renders an SVG element onto a canvas (2x for sharpness) and returns a PNG. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // CSS variables do not survive outside the page: inline the computed colours.
  const styles = getComputedStyle(document.documentElement);
  const text = new XMLSerializer().serializeToString(clone).replace(/var\((--[a-z-]+)\)/g, (_, v: string) => styles.getPropertyValue(v).trim() || '#888');
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * 2);
  canvas.height = Math.ceil(height * 2);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = styles.getPropertyValue('--card').trim() || '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
