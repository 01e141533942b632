import lunr from 'lunr';
import { isHanTerm } from './tokenize.ts';

const LABEL = 'magnoliaStem';

// lunr's default pipeline starts with a trimmer that strips every non-\w character from both ends of a token,
// which erases Chinese terms entirely; this one stems and filters English terms only.
const stem: lunr.PipelineFunction = (token) => {
  const text = token.toString();
  if (isHanTerm(text)) return token;
  if (lunr.stopWordFilter(token) === undefined) return undefined as unknown as lunr.Token;
  return lunr.stemmer(token);
};

/**
 * Registers the pipeline function with lunr (a serialised index names its pipeline functions, and loading it
 * looks them up by name). Idempotent; called before any index is built or loaded, in every thread.
 */
export function searchPipeline(): lunr.PipelineFunction {
  const registered = (lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> }).registeredFunctions;
  if (!(LABEL in registered)) lunr.Pipeline.registerFunction(stem, LABEL);
  return stem;
}
