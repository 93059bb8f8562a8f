import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { ApolloClient, ApolloProvider, HttpLink, InMemoryCache } from '@apollo/client';
import { AttachmentList } from './AttachmentList';
import type { AttachmentLike } from './attachments';
import { RemoveAttachmentDialog } from './RemoveAttachmentDialog';

describe('<AttachmentList>', () => {
  it('lists uploaded files with name, type and size, and external links as links', () => {
    render(
      <App>
        <AttachmentList
          attachments={[
            { id: null, name: '购房合同.pdf', url: 'https://files.example.gov.cn/a/contract.pdf', contentType: 'application/pdf' },
            { id: 'a1', name: '现场记录.pdf', url: '/cases/c1/attachments/a1', contentType: 'application/pdf', size: 250 * 1024 },
          ]}
        />
      </App>,
    );
    const link = screen.getByTestId('attachment-link');
    expect(link.textContent).toContain('购房合同.pdf');
    expect(link.querySelector('a')?.getAttribute('href')).toBe('https://files.example.gov.cn/a/contract.pdf');
    expect(link.querySelector('a')?.getAttribute('target')).toBe('_blank');
    const item = screen.getByTestId('attachment-item');
    expect(item.textContent).toContain('现场记录.pdf');
    expect(item.textContent).toContain('PDF 文档');
    expect(item.textContent).toContain('250 KB');
    // An uploaded file is fetched with the token, never a bare link the browser would open without it.
    expect(item.querySelector('a[href]')).toBeNull();
    // Without `removal` (roles other than duty and admin) there is nothing to take back.
    expect(screen.queryByTestId('attachment-remove')).toBeNull();
  });

  it('fetches no image until the operator asks for its preview (each fetch is an audited download)', () => {
    const calls: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((...args: unknown[]) => {
      calls.push(args);
      return new Promise(() => undefined);
    }) as typeof fetch;
    try {
      render(
        <App>
          <AttachmentList attachments={[{ id: 'p1', name: '现场照片.jpg', url: '/cases/c1/attachments/p1', contentType: 'image/jpeg', size: 1024 }]} />
        </App>,
      );
      expect(screen.getByTestId('attachment-preview').textContent).toContain('预览');
      expect(screen.queryByTestId('attachment-thumb')).toBeNull();
      expect(calls).toHaveLength(0);
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('shows a dash without attachments', () => {
    render(<AttachmentList attachments={[]} />);
    expect(screen.getByTestId('case-attachments-empty').textContent).toBe('—');
  });

  it('offers 撤回 on uploaded files only and asks for the file that was picked', () => {
    const picked: AttachmentLike[] = [];
    const file = { id: 'a1', name: '李四身份证复印件.pdf', url: '/cases/c1/attachments/a1', contentType: 'application/pdf', size: 2048 };
    render(
      <App>
        <AttachmentList
          attachments={[{ id: null, name: '区平台附件.pdf', url: 'https://files.example.gov.cn/a/id.pdf', contentType: 'application/pdf' }, file]}
          removal={{ onRemove: (a) => picked.push(a) }}
        />
      </App>,
    );
    expect(screen.getAllByTestId('attachment-remove')).toHaveLength(1);
    expect(screen.getByTestId('attachment-link').querySelector('[data-testid="attachment-remove"]')).toBeNull();
    expect(screen.getByTestId('attachment-item').textContent).toContain('撤回');
    fireEvent.click(screen.getByTestId('attachment-remove'));
    expect(picked).toEqual([file]);
  });
});

describe('<RemoveAttachmentDialog>', () => {
  it('says the deletion is final and sends nothing without a reason of at least 4 characters', async () => {
    const sent: unknown[] = [];
    // Records what the client would send; the form must refuse before anything is.
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new HttpLink({
        uri: '/graphql',
        fetch: ((...args: unknown[]) => {
          sent.push(args);
          return new Promise(() => undefined);
        }) as typeof fetch,
      }),
    });
    render(
      <ApolloProvider client={client}>
        <App>
          <RemoveAttachmentDialog
            caseId="c1"
            a={{ id: 'a1', name: '李四身份证复印件.pdf', url: '/cases/c1/attachments/a1', contentType: 'application/pdf', size: 2048 }}
            open
            onClose={() => undefined}
            onRemoved={() => undefined}
          />
        </App>
      </ApolloProvider>,
    );
    const dialog = await screen.findByTestId('attachment-remove-modal');
    expect(dialog.textContent).toContain('李四身份证复印件.pdf');
    expect(screen.getByTestId('attachment-remove-warning').textContent).toContain('彻底删除，无法恢复');

    fireEvent.click(screen.getByTestId('attachment-remove-submit'));
    expect(await screen.findByText('请填写撤回原因')).toBeTruthy();
    fireEvent.change(screen.getByTestId('attachment-remove-reason'), { target: { value: '  传错了 ' } });
    fireEvent.click(screen.getByTestId('attachment-remove-submit'));
    expect(await screen.findByText('撤回原因至少 4 个字')).toBeTruthy();
    // The counter shows how much of the 200 characters is used.
    expect(dialog.textContent).toContain('/ 200');
    expect(sent).toHaveLength(0);
  });
});
