import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': 'http://localhost:3000' } },
  // No source maps in the production build: they would publish the source (issue #10).
  build: { outDir: 'dist', sourcemap: false },
});
