import type { ReactNode } from 'react';
import type { App } from 'antd';

type ModalApi = ReturnType<typeof App.useApp>['modal'];

interface ConfirmOptions {
  title: string;
  content?: ReactNode;
  okText?: string;
  danger?: boolean;
}

/** Asks the user to confirm an action; resolves true on 确定. Buttons carry test ids. */
export function confirmAction(modal: ModalApi, options: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: options.title,
      content: options.content,
      okText: options.okText ?? '确定',
      cancelText: '取消',
      okButtonProps: { danger: options.danger, 'data-testid': 'confirm-ok' },
      cancelButtonProps: { 'data-testid': 'confirm-cancel' },
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
