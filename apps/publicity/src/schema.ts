import { buildFederatedSchema, DepartmentRef, UserRef } from '@hotline/service-kit';
import { ArticleResolver } from './articles/article.resolver';
import { caseReference, CaseResolver } from './cases/case.resolver';
import { EpisodeResolver, TaskResolver } from './episodes/episode.resolver';
import { LedgerResolver } from './ledger/ledger.resolver';
import { TypicalCaseResolver } from './typical-cases/typical-case.resolver';

export const buildPublicitySchema = () =>
  buildFederatedSchema({
    resolvers: [CaseResolver, TypicalCaseResolver, EpisodeResolver, TaskResolver, ArticleResolver, LedgerResolver],
    orphanedTypes: [UserRef, DepartmentRef],
    referenceResolvers: { Case: caseReference } as never,
  });
