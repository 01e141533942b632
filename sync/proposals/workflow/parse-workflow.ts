import { createHash } from 'node:crypto';
import { parseYamlDocument } from '../../../kernel/config/parse-yaml-document.ts';
import { workflowSchema, type Workflow } from './workflow-schema.ts';
import { WorkflowError } from './workflow-error.ts';

/** A validated workflow with the digest of its source (which version decided an action). */
export interface LoadedWorkflow {
  workflow: Workflow;
  source: string;
  digest: string;
}

/**
 * Parses and validates a workflow from YAML. Every problem is reported with its path; a required level that the
 * maturity model does not have is refused, since no project could ever be submitted.
 */
export function parseWorkflow(source: string, levels: readonly string[]): LoadedWorkflow {
  const parsed = parseYamlDocument(source, workflowSchema, 'workflow');
  if (!parsed.ok) throw new WorkflowError(parsed.problems);
  const required = parsed.data.settings.requiredLevel;
  if (!levels.includes(required))
    throw new WorkflowError([
      `settings.requiredLevel: "${required}" is not a level of the maturity model: ${levels.join(', ')}`,
    ]);
  return { workflow: parsed.data, source, digest: createHash('sha256').update(source).digest('hex').slice(0, 16) };
}
