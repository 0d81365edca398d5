import { defineConfig } from "vitest/config";

// The desktop shell loads the built files from ui/dist (embedded in release
// and test builds) or this dev server at a fixed port (see tauri.conf.json).
export default defineConfig({
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "safari16", outDir: "dist", emptyOutDir: true },
  test: { environment: "node", include: ["src/**/*.test.ts"] },
});
