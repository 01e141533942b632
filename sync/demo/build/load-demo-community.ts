import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import {
  demoCommunitySchema,
  demoHistorySchema,
  demoPeopleSchema,
  type DemoCommunity,
  type DemoHistory,
  type DemoPeople,
} from './demo-history-schema.ts';

/** Where the demo content lives in this repository. */
export const defaultDemoContentDir = fileURLToPath(new URL('../../../content/demo/', import.meta.url));

/** One project folder: its parsed history and the files its commits copy. */
export interface LoadedDemoProject {
  folder: string;
  history: DemoHistory;
  /** File contents under `files/`, keyed by their path there (`spec/placement.md`). */
  files: Map<string, string>;
}

/** Everything under `content/demo/`, parsed and validated. */
export interface LoadedDemoCommunity {
  community: DemoCommunity;
  people: DemoPeople;
  projects: LoadedDemoProject[];
}

/** Reads and validates `content/demo/` (community, people, and each project's history and files). */
export async function loadDemoCommunity(contentDir: string = defaultDemoContentDir): Promise<LoadedDemoCommunity> {
  const community = await readYaml(join(contentDir, 'community.yml'), demoCommunitySchema);
  const people = await readYaml(join(contentDir, 'people.yml'), demoPeopleSchema);
  const projects: LoadedDemoProject[] = [];
  for (const folder of community.projects) {
    const history = await readYaml(join(contentDir, folder, 'history.yml'), demoHistorySchema);
    const files = await readTree(join(contentDir, folder, 'files'));
    projects.push({ folder, history, files });
  }
  return { community, people, projects };
}

async function readYaml<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${path} is not valid demo data; fix:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

async function readTree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(
      full
        .slice(root.length + 1)
        .split('\\')
        .join('/'),
      await readFile(full, 'utf8'),
    );
  }
  return files;
}
