// Entry of a proposal revision's background process: receives a RevisionBuildRequest, answers with the
// BuiltRevision. Started by `buildRevisionInProcess`; git, the draft pipeline and the HTML renderer all run here.
import { answerInProcess } from '../../kernel/threads/answer-in-process.ts';
import { buildRevision } from './build-revision.ts';

answerInProcess(buildRevision);
