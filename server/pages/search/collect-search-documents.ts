import { messagesFor } from '../../../content/i18n/messages.ts';
import type { SearchDocument } from '../../search/search-document.ts';
import { contentDocuments } from '../content/content-route.ts';
import { levelLabel } from '../project/level-label.ts';
import { projectHref } from '../project/project-href.ts';
import type { PortalContext } from '../portal-context.ts';

const en = messagesFor('en');
const zh = messagesFor('zh-CN');

/** Every searchable document: projects (from the snapshot) and content pages in both languages. */
export function collectSearchDocuments(ctx: Pick<PortalContext, 'snapshot' | 'maturity'>): SearchDocument[] {
  const snapshot = ctx.snapshot.get();
  const projects = snapshot.entries.map((e): SearchDocument => {
    const domain = e.domain ? snapshot.domains.get(e.domain) : undefined;
    return {
      id: `project:${e.fullName}`,
      type: 'project',
      lang: null,
      title: e.fullName,
      url: projectHref(e.owner, e.repo),
      text: e.description ?? '',
      // Searched in either language: "区块链" and "blockchain" both find a blockchain project.
      keywords: [
        e.repo,
        ...e.topics,
        domain?.en,
        domain?.zh,
        e.level ? levelLabel(en, e.level) : '',
        e.level ? levelLabel(zh, e.level) : '',
        e.license,
        e.language,
      ]
        .filter((k): k is string => typeof k === 'string' && k.length > 0)
        .join(' '),
    };
  });
  return [...projects, ...contentDocuments(ctx)];
}
