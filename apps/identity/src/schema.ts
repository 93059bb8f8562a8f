import { buildFederatedSchema } from '@hotline/service-kit';
import { departmentReference, DepartmentResolver } from './departments/department.resolver';
import { CallbackAgentResolver } from './users/callback-agent.resolver';
import { userReference, UserResolver } from './users/user.resolver';

export const buildIdentitySchema = () =>
  buildFederatedSchema({
    resolvers: [DepartmentResolver, UserResolver, CallbackAgentResolver],
    referenceResolvers: { Department: departmentReference, User: userReference } as never,
  });
