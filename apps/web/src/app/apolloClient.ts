import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, from, type NormalizedCacheObject } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { expireSession, getToken } from '../features/auth/session';
import { errorCode } from '../shared/errors';

/** Operations that must not end the session when they fail with UNAUTHENTICATED. */
const PUBLIC_OPERATIONS = new Set(['Login']);

const authLink = new ApolloLink((operation, forward) => {
  const token = getToken();
  if (token) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, authorization: `Bearer ${token}` },
    }));
  }
  return forward(operation);
});

const errorLink = onError(({ graphQLErrors, networkError, operation }) => {
  if (PUBLIC_OPERATIONS.has(operation.operationName)) return;
  if (errorCode({ graphQLErrors, networkError }) === 'UNAUTHENTICATED') expireSession();
});

export function createApolloClient(): ApolloClient<NormalizedCacheObject> {
  return new ApolloClient({
    link: from([errorLink, authLink, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: {
        Case: { fields: { assignment: { merge: true } } },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'none' },
    },
  });
}
