import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface BundleSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Size of each JavaScript bundle in a production build (dist/), raw and gzipped at level 9. */
export function bundleSizeReport(distDir: string): BundleSize[] {
  return readdirSync(distDir)
    .filter((f) => f.endsWith(".js"))
    .sort()
    .map((file) => {
      const content = readFileSync(join(distDir, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    });
}
