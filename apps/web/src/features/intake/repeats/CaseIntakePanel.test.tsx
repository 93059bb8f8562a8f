import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { ApolloClient, ApolloLink, ApolloProvider, InMemoryCache, Observable, type FetchResult } from '@apollo/client';
import { MemoryRouter } from 'react-router-dom';
import { AuthProvider } from '../../auth/AuthContext';
import { saveSession } from '../../auth/session';
import { CaseIntakePanel } from './CaseIntakePanel';

/** 受理信息 of case c1 as intake answers it, with one uploaded photo. */
function intakeCase(patch: Record<string, unknown> = {}) {
  return {
    __typename: 'Case',
    id: 'c1',
    externalNo: 'E-1',
    stage: 'replied',
    anonymous: false,
    confidential: false,
    districtDispatchedAt: null,
    firstContactAt: null,
    completedAt: null,
    replyResult: null,
    community: '幸福里社区',
    latitude: null,
    longitude: null,
    attachments: [{ __typename: 'Attachment', id: 'p1', name: '现场照片.png', url: '/cases/c1/attachments/p1', contentType: 'image/png', size: 1024 }],
    repeatCount: 0,
    clusterCount: 0,
    masterCaseId: null,
    linkKind: null,
    linkScore: null,
    linkedCases: [],
    feedback: [],
    ...patch,
  };
}

/**
 * A window whose width the test sets: antd lays the Descriptions out by `matchMedia` (xs below
 * 576 px: one column, two above), and tells its listeners when a query starts or stops matching.
 */
function fakeWindowWidth(initial: number) {
  let width = initial;
  const listeners = new Map<string, Set<(e: { matches: boolean }) => void>>();
  const matches = (query: string) => {
    const min = /min-width:\s*(\d+)/.exec(query);
    const max = /max-width:\s*(\d+)/.exec(query);
    return (!min || width >= Number(min[1])) && (!max || width <= Number(max[1]));
  };
  const on = (query: string, l: (e: { matches: boolean }) => void) => {
    if (!listeners.has(query)) listeners.set(query, new Set());
    listeners.get(query)!.add(l);
  };
  const off = (query: string, l: (e: { matches: boolean }) => void) => listeners.get(query)?.delete(l);
  const matchMedia = (query: string) =>
    ({
      get matches() {
        return matches(query);
      },
      media: query,
      onchange: null,
      addListener: (l: (e: { matches: boolean }) => void) => on(query, l),
      removeListener: (l: (e: { matches: boolean }) => void) => off(query, l),
      addEventListener: (_: string, l: (e: { matches: boolean }) => void) => on(query, l),
      removeEventListener: (_: string, l: (e: { matches: boolean }) => void) => off(query, l),
      dispatchEvent: () => false,
    }) as unknown as MediaQueryList;
  return {
    matchMedia,
    resize(next: number) {
      width = next;
      for (const [query, ls] of listeners) for (const l of ls) l({ matches: matches(query) });
    },
  };
}

const REASON = '误传了其他市民的现场照片';

describe('<CaseIntakePanel> 撤回附件', () => {
  const realMatchMedia = window.matchMedia;
  let screenWidth: ReturnType<typeof fakeWindowWidth>;

  beforeEach(() => {
    screenWidth = fakeWindowWidth(1366);
    window.matchMedia = screenWidth.matchMedia;
    saveSession({
      token: 't',
      expiresAt: '2999-01-01T00:00:00Z',
      user: { id: 'u1', username: 'duty', displayName: '值守员', role: 'duty', active: true },
    });
  });

  afterEach(() => {
    window.matchMedia = realMatchMedia;
    sessionStorage.clear();
  });

  /** Renders the panel for a duty operator; `answer` is what 受理信息 answers on each fetch. */
  function renderPanel(answer: () => ReturnType<typeof intakeCase>, removed: Array<Record<string, unknown>> = []) {
    const link = new ApolloLink(
      (operation) =>
        new Observable<FetchResult>((observer) => {
          if (operation.operationName === 'RemoveAttachment') {
            removed.push(operation.variables);
            observer.next({ data: { removeAttachment: { __typename: 'Case', id: 'c1', attachments: [] } } });
            observer.complete();
          }
          // Only 受理信息 answers otherwise; the session refresh (Me) stays pending.
          if (operation.operationName !== 'CaseIntakeDetail') return;
          observer.next({ data: { case: answer() } });
          observer.complete();
        }),
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    render(
      <ApolloProvider client={client}>
        <App>
          <AuthProvider>
            <MemoryRouter>
              <CaseIntakePanel caseId="c1" />
            </MemoryRouter>
          </AuthProvider>
        </App>
      </ApolloProvider>,
    );
    return client;
  }

  async function openDialog() {
    fireEvent.click(await screen.findByTestId('attachment-remove'));
    await screen.findByTestId('attachment-remove-modal');
    fireEvent.change(screen.getByTestId('attachment-remove-reason'), { target: { value: REASON } });
  }

  function expectDialogOpen() {
    expect(screen.queryByTestId('attachment-remove-modal')).not.toBeNull();
    expect(screen.getByTestId('attachment-remove-modal').textContent).toContain('现场照片.png');
    expect((screen.getByTestId('attachment-remove-reason') as HTMLTextAreaElement).value).toBe(REASON);
  }

  it('stays open, with the typed reason, when a refetch adds a row above 附件 (主工单 after a 并单)', async () => {
    let answer = intakeCase();
    const client = renderPanel(() => answer);
    await openDialog();
    // Another operator 并单s the case meanwhile; the next refetch (e.g. after an upload) brings
    // 主工单, one more row above 附件 in the Descriptions.
    answer = intakeCase({ masterCaseId: 'c0', linkKind: 'repeat', linkScore: 0.9 });
    await act(async () => {
      await client.refetchQueries({ include: ['CaseIntakeDetail'] });
    });
    expect(screen.getByTestId('case-master')).toBeTruthy();
    expectDialogOpen();
  });

  it('stays open, with the typed reason, when the window becomes too narrow for two columns', async () => {
    renderPanel(() => intakeCase());
    await openDialog();
    // Below 576 px the Descriptions go from two columns to one.
    act(() => screenWidth.resize(500));
    expectDialogOpen();
  });

  it('sends the 撤回 with the reason, closes the dialog and shows the list without the file', async () => {
    let answer = intakeCase();
    const removed: Array<Record<string, unknown>> = [];
    renderPanel(() => answer, removed);
    await openDialog();
    answer = intakeCase({ attachments: [] });
    fireEvent.click(screen.getByTestId('attachment-remove-submit'));
    await waitFor(() => expect(screen.queryByTestId('attachment-remove-modal')).toBeNull());
    expect(removed).toEqual([{ caseId: 'c1', attachmentId: 'p1', reason: REASON }]);
    expect(await screen.findByTestId('case-attachments-empty')).toBeTruthy();
  });
});
