// Worker-thread entry of a proposal revision: receives a RevisionBuildRequest, answers with the BuiltRevision.
// Started by `buildRevisionInWorker`; git, the draft pipeline and the HTML renderer all run here.
import { answerInWorker } from '../../kernel/threads/answer-in-worker.ts';
import { buildRevision } from './build-revision.ts';

answerInWorker(buildRevision);
