import { buildFederatedSchema, DepartmentRef, UserRef } from '@hotline/service-kit';
import { AssignmentRecordResolver, caseReference, CaseResolver, ExtensionRequestResolver } from './cases/case.resolver';
import { DispatchResolver } from './dispatching/dispatch.resolver';
import { HandlingResolver } from './handling/handling.resolver';
import { ReviewResolver } from './review/review.resolver';
import { CatalogueResolver } from './catalogue/catalogue.resolver';
import { SuggestionResolver } from './suggestions/suggestion.resolver';
import { FeedbackReplyResolver } from './replies/feedback-reply.resolver';
import { ReplyScriptResolver } from './replies/reply-script.resolver';

export const buildDispatchSchema = () =>
  buildFederatedSchema({
    resolvers: [
      CaseResolver,
      AssignmentRecordResolver,
      ExtensionRequestResolver,
      DispatchResolver,
      HandlingResolver,
      ReviewResolver,
      SuggestionResolver,
      CatalogueResolver,
      FeedbackReplyResolver,
      ReplyScriptResolver,
    ],
    orphanedTypes: [UserRef, DepartmentRef],
    referenceResolvers: { Case: caseReference } as never,
  });
