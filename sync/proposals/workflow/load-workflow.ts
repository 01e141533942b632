import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseWorkflow, type LoadedWorkflow } from './parse-workflow.ts';

const DEFAULT_WORKFLOW = fileURLToPath(new URL('../../../content/workflow/association.yml', import.meta.url));

/** The YAML of the shipped association-standard workflow. */
export function readDefaultWorkflowSource(): string {
  return readFileSync(DEFAULT_WORKFLOW, 'utf8');
}

/** The workflow in force: the installed one when there is one, else the shipped one; validated either way. */
export function loadWorkflow(installed: string | null, levels: readonly string[]): LoadedWorkflow {
  return parseWorkflow(installed ?? readDefaultWorkflowSource(), levels);
}
