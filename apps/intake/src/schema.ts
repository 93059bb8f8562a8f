import { buildFederatedSchema, DepartmentRef, UserRef } from '@hotline/service-kit';
import { caseReference, CaseResolver } from './cases/case.resolver';
import { RevealResolver } from './personal-data/reveal.resolver';
import { Open311KeyResolver } from './open311/api-key.resolver';
import { TopicResolver } from './topics/topic.resolver';
import { ImportResolver } from './imports/import.resolver';
import { ClassificationResolver } from './classification/classification.resolver';
import { RepeatResolver } from './repeats/repeat.resolver';
import { CaseFeedbackResolver, FeedbackResolver } from './feedback/feedback.resolver';
import { AttachmentResolver } from './attachments/attachment.resolver';
import { CaseTextResolver } from './cases/case-texts.resolver';
import { KeyPersonsResolver } from './key-persons/key-persons.resolver';

export const buildIntakeSchema = () =>
  buildFederatedSchema({
    resolvers: [
      CaseResolver,
      RevealResolver,
      TopicResolver,
      Open311KeyResolver,
      ImportResolver,
      ClassificationResolver,
      RepeatResolver,
      FeedbackResolver,
      CaseFeedbackResolver,
      AttachmentResolver,
      CaseTextResolver,
      KeyPersonsResolver,
    ],
    orphanedTypes: [UserRef, DepartmentRef],
    referenceResolvers: { Case: caseReference } as never,
  });
