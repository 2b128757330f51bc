import { defineConfig } from 'vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import tailwindcss from '@tailwindcss/vite'
import { announceWhenApiReady, apiProxy, apiProxyLogger } from './api-proxy.ts'
import { securityHeaders } from './security-headers.ts'

// The app calls the API through same-origin paths (/api/...), exactly as it does behind nginx in
// Kubernetes; here Vite's dev and preview servers forward those paths to the API.
const apiTarget = process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000'
const host = process.env.WEB_HOST ?? '127.0.0.1'
const port = Number(process.env.WEB_PORT ?? 5000)

export default defineConfig({
  plugins: [tailwindcss(), svelte(), announceWhenApiReady(apiTarget)],
  customLogger: apiProxyLogger(apiTarget),
  server: { host, port, strictPort: true, proxy: apiProxy(apiTarget), headers: securityHeaders(true) },
  preview: { host, port, strictPort: true, proxy: apiProxy(apiTarget), headers: securityHeaders() },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hashed file names under /assets: cacheable forever; index.html is the only file to revalidate.
    assetsDir: 'assets',
    sourcemap: true,
  },
})
