import { buildFederatedSchema, DepartmentRef, UserRef } from '@hotline/service-kit';
import { CalendarResolver } from './calendar/calendar.resolver';
import { caseReference, ClocksResolver } from './clocks/clocks.resolver';
import { DefinitionResolver } from './definitions/definition.resolver';
import { ClustersResolver } from './clusters/clusters.resolver';
import { ExclusionsResolver } from './exclusions/exclusions.resolver';
import { MeetingsResolver } from './meetings/meetings.resolver';
import { ScriptsResolver } from './scripts/scripts.resolver';
import { CaseSecondRoundsResolver, SecondRoundResolver } from './second-round/second-round.resolver';
import { TasksResolver } from './tasks/tasks.resolver';

export const buildSupervisionSchema = () =>
  buildFederatedSchema({
    resolvers: [
      ClocksResolver,
      CalendarResolver,
      DefinitionResolver,
      MeetingsResolver,
      TasksResolver,
      ScriptsResolver,
      ClustersResolver,
      ExclusionsResolver,
      SecondRoundResolver,
      CaseSecondRoundsResolver,
    ],
    orphanedTypes: [UserRef, DepartmentRef],
    referenceResolvers: { Case: caseReference } as never,
  });
