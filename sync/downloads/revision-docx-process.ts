// Entry of the background process that lays out one revision as a Word file: receives a RevisionDocxInput, answers
// with the file's bytes. Started by `revisionDocxInProcess`; reading the Markdown and laying it out run here.
import { revisionDocx } from '../../content/publish/docx/revision-docx.ts';
import { answerInProcess } from '../../kernel/threads/answer-in-process.ts';

answerInProcess(revisionDocx);
