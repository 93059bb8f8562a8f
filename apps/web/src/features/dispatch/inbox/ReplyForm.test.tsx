import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { AssistReportForm } from '../handling/AssistReportForm';
import { replyBlockedReason } from '../handling/rules';
import { OFFERED_REPLY_SCRIPT_QUERY } from '../../scripts/queries';
import { ReplyForm } from './ReplyForm';

const wrap = (ui: ReactNode) =>
  render(
    <MockedProvider mocks={[]}>
      <App>{ui}</App>
    </MockedProvider>,
  );

describe('<ReplyForm>', () => {
  it('disables 提交答复 and says which 协办 departments are still open', () => {
    const reason = replyBlockedReason([{ departmentId: 'd1', department: { name: '工程质量科' }, status: 'open' }]);
    wrap(<ReplyForm caseId="c1" externalNo="DEMO-1" blockedReason={reason} />);
    const submit = screen.getByTestId('reply-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(screen.getByTestId('reply-blocked-reason').textContent).toBe('协办科室尚未全部反馈（尚未反馈：工程质量科），暂不能提交答复');
  });

  it('allows 提交答复 when nothing blocks it', () => {
    wrap(<ReplyForm caseId="c1" externalNo="DEMO-1" blockedReason={null} />);
    expect((screen.getByTestId('reply-submit') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('reply-blocked-reason')).toBeNull();
    expect(screen.queryByTestId('reply-cancel')).toBeNull();
  });

  it('shows the 局审核退回 reason at the top and a 取消 button in a dialog', () => {
    const onCancel = vi.fn();
    wrap(
      <ReplyForm
        caseId="c1"
        externalNo="DEMO-1"
        onCancel={onCancel}
        rejection={{ reviewNote: '答复未说明更换完成时间', reviewedAt: '2025-03-01T13:04:00Z', reviewedByUser: { displayName: '督办员 李强' } }}
      />,
    );
    expect(screen.getByTestId('reply-review-rejection-reason').textContent).toBe('局审核退回：答复未说明更换完成时间');
    expect(screen.getByTestId('reply-review-rejection').textContent).toContain('2025-03-01 21:04 由 督办员 李强 退回了上次的答复');
    fireEvent.click(screen.getByTestId('reply-cancel'));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});

describe('<ReplyForm> with a 统一答复口径', () => {
  it('shows the offered script and fills the reply with it when adopted', async () => {
    const offer = { scriptId: 's1', version: 2, scope: 'project', title: '延期交房统一口径', text: '已督促开发企业制定交房计划，请关注小区公告。' };
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: OFFERED_REPLY_SCRIPT_QUERY, variables: { id: 'c1' } },
            result: { data: { case: { __typename: 'Case', id: 'c1', offeredReplyScript: { __typename: 'ReplyScriptOffer', ...offer } } } },
          },
        ]}
      >
        <App>
          <ReplyForm caseId="c1" externalNo="DEMO-1" />
        </App>
      </MockedProvider>,
    );
    const box = await screen.findByTestId('reply-offered-script');
    expect(box.textContent).toContain('统一答复口径：延期交房统一口径（第 2 版）');
    fireEvent.click(screen.getByTestId('reply-script-adopt'));
    expect((screen.getByTestId('reply-text') as HTMLTextAreaElement).value).toBe(offer.text);
    expect(screen.getByTestId('reply-offered-script').textContent).toContain('已采用');
    fireEvent.click(screen.getByTestId('reply-script-drop'));
    expect(screen.getByTestId('reply-offered-script').textContent).not.toContain('已采用');
  });
});

describe('<AssistReportForm>', () => {
  it('asks for confirmation before submitting, like 答复', async () => {
    wrap(<AssistReportForm caseId="c1" externalNo="DEMO-1" onChanged={() => undefined} />);
    fireEvent.change(screen.getByTestId('assist-report-text'), { target: { value: '已现场检测，出具整改通知书' } });
    fireEvent.click(screen.getByTestId('assist-report-submit'));
    await waitFor(() => expect(screen.getAllByText('确认提交工单 DEMO-1 的协办反馈？').length).toBeGreaterThan(0));
    expect(screen.getByTestId('confirm-ok')).toBeTruthy();
    fireEvent.click(screen.getByTestId('confirm-cancel'));
  });
});
