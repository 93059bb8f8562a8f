import { buildFederatedSchema, DepartmentRef, UserRef } from '@hotline/service-kit';
import { CalendarResolver } from './calendar/calendar.resolver';
import { caseReference, ClocksResolver } from './clocks/clocks.resolver';
import { DefinitionResolver } from './definitions/definition.resolver';
import { ExclusionsResolver } from './exclusions/exclusions.resolver';

export const buildSupervisionSchema = () =>
  buildFederatedSchema({
    resolvers: [ClocksResolver, CalendarResolver, DefinitionResolver, ExclusionsResolver],
    orphanedTypes: [UserRef, DepartmentRef],
    referenceResolvers: { Case: caseReference } as never,
  });
