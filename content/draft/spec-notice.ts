import type { Message } from '../../kernel/i18n/message.ts';
import type { LintRule } from './draft-types.ts';

/**
 * A content problem or a repair found while reading one spec file, before the draft is numbered: the renderer turns
 * it into a lint issue in the draft's language, with the file's path.
 */
export interface SpecNotice {
  rule: LintRule;
  message: Message;
  /** 1-based line in the file. */
  line: number;
}
