import { buildFederatedSchema, DepartmentRef, UserRef } from '@hotline/service-kit';
import { TaskHolderResolver } from './access/task-holder.resolver';
import { PolicyBonusResolver, ThreeRatesBonusResolver } from './bonus/bonus.resolver';
import { caseReference, CaseResolver } from './cases/case.resolver';
import { OfficialResolver } from './official/official.resolver';
import { OutlookResolver } from './outlook/outlook.resolver';
import { ScoringResolver } from './scoring/scoring.resolver';
import { TaskResolver } from './tasks/task.resolver';

export const buildCallbackSchema = () =>
  buildFederatedSchema({
    resolvers: [
      CaseResolver,
      TaskResolver,
      ScoringResolver,
      OfficialResolver,
      TaskHolderResolver,
      ThreeRatesBonusResolver,
      PolicyBonusResolver,
      OutlookResolver,
    ],
    orphanedTypes: [UserRef, DepartmentRef],
    referenceResolvers: { Case: caseReference } as never,
  });
