import { buildFederatedSchema } from '@hotline/service-kit';
import { caseReference, CaseResolver } from './cases/case.resolver';
import { DepartmentRef, UserRef } from './federation/refs';

export const buildIntakeSchema = () =>
  buildFederatedSchema({
    resolvers: [CaseResolver],
    orphanedTypes: [UserRef, DepartmentRef],
    referenceResolvers: { Case: caseReference } as never,
  });
