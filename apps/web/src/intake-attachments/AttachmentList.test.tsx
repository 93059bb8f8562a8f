import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App } from 'antd';
import { AttachmentList } from './AttachmentList';

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
  });

  it('fetches no image until the operator asks for its preview (each fetch is an audited download)', () => {
    const calls: unknown[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((...args: unknown[]) => { calls.push(args); return new Promise(() => undefined); }) as typeof fetch;
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
});
