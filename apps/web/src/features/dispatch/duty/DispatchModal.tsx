import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useApolloClient, useMutation, useQuery } from '@apollo/client';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { DEPARTMENTS_QUERY } from '../../../shared/fragments';
import type { CaseSummary } from '../../../shared/types';
import { CASE_RETURN_HISTORY_QUERY } from '../handling/queries';
import { returnedBeforeWarning, returnsByDepartment } from '../handling/rules';
import type { AssignmentRecord } from '../handling/types';
import { actionErrorMessage } from '../handling/useCaseAction';
import { DISPATCH_CASE_MUTATION, DISPATCH_CASES_MUTATION, DISPATCH_SUGGESTION_QUERY } from './queries';
import { SuggestionPanel } from './SuggestionPanel';

type DispatchableCase = CaseSummary & { handling?: { version: number; returnCount?: number | null } | null };

/** The 退回 records of the cases being dispatched, by case id. */
function useReturnHistory(cases: DispatchableCase[]): Record<string, AssignmentRecord[]> {
  const client = useApolloClient();
  const [history, setHistory] = useState<Record<string, AssignmentRecord[]>>({});
  // Only cases that were returned (or whose count is not known, e.g. from the case page) are looked up.
  const ids = cases.filter((c) => c.handling?.returnCount !== 0).map((c) => c.id);
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    void Promise.all(
      key.split(',').map((id) =>
        client
          .query<{ case: { id: string; assignmentHistory: AssignmentRecord[] } | null }>({
            query: CASE_RETURN_HISTORY_QUERY,
            variables: { id },
            fetchPolicy: 'network-only',
          })
          .then((r) => [id, r.data.case?.assignmentHistory ?? []] as const)
          .catch(() => [id, [] as AssignmentRecord[]] as const),
      ),
    ).then((entries) => {
      if (live) setHistory(Object.fromEntries(entries));
    });
    return () => {
      live = false;
    };
  }, [key, client]);
  return history;
}

interface Props {
  /** The cases to dispatch; the modal is open while this is non-empty. */
  cases: DispatchableCase[];
  onClose(): void;
  onDone?(): void;
}

interface DispatchForm {
  leadDepartmentId: string;
  assistDepartmentIds?: string[];
  note?: string;
}

/** 分转: pick the lead department (主办), optional assist departments (协办) and a note. */
export function DispatchModal({ cases, onClose, onDone }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<DispatchForm>();
  const [submitting, setSubmitting] = useState(false);
  const { data, loading, error } = useQuery(DEPARTMENTS_QUERY);
  const refetch = { refetchQueries: 'active' as const, awaitRefetchQueries: true };
  const [dispatchCase] = useMutation(DISPATCH_CASE_MUTATION, refetch);
  const [dispatchCases] = useMutation(DISPATCH_CASES_MUTATION, refetch);
  const open = cases.length > 0;
  const single = cases.length === 1 ? cases[0] : null;
  const lead = Form.useWatch('leadDepartmentId', form);
  const suggestionQuery = useQuery(DISPATCH_SUGGESTION_QUERY, { variables: { id: single?.id ?? '' }, skip: !single, fetchPolicy: 'network-only' });
  const suggestion = single ? suggestionQuery.data?.case?.dispatchSuggestion : null;
  const returnHistory = useReturnHistory(cases);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  // Preselect the suggested lead / assist departments (the operator can change them).
  useEffect(() => {
    if (!open || !suggestion?.leadDepartmentId || form.isFieldTouched('leadDepartmentId')) return;
    form.setFieldsValue({
      leadDepartmentId: suggestion.leadDepartmentId,
      assistDepartmentIds: suggestion.assistDepartmentIds.filter((id) => id !== suggestion.leadDepartmentId),
    });
  }, [open, suggestion, form]);

  const departments = (data?.departments ?? []).filter((d) => d.active);
  const options = departments.map((d) => ({ value: d.id, label: d.name, title: d.name }));
  const nameOf = (id: string) => departments.find((d) => d.id === id)?.name ?? id;
  /** One line per case that the chosen lead department returned before. */
  const returnedWarnings = (leadId: string | undefined): string[] =>
    leadId
      ? cases
          .map((c) => {
            const returns = returnsByDepartment(returnHistory[c.id], leadId);
            const name = returns[0]?.fromDepartment?.name ?? nameOf(leadId);
            return returnedBeforeWarning(name, returns, cases.length > 1 ? c.externalNo : undefined);
          })
          .filter((w): w is string => !!w)
      : [];
  const leadWarnings = returnedWarnings(lead);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const assist = (values.assistDepartmentIds ?? []).filter((id) => id !== values.leadDepartmentId);
    const warnings = returnedWarnings(values.leadDepartmentId);
    const ok = await confirmAction(modal, {
      title: warnings.length > 0 ? '确认分转给曾退回的科室？' : '确认分转',
      okText: '确认分转',
      content: (
        <div data-testid="dispatch-confirm-content">
          将 {cases.length} 件工单分转至主办科室「{nameOf(values.leadDepartmentId)}」{assist.length > 0 && `，协办科室：${assist.map(nameOf).join('、')}`}。
          {warnings.map((w) => (
            <div key={w} style={{ marginTop: 8 }}>
              <Typography.Text type="danger" data-testid="dispatch-confirm-returned-warning">
                {w}
              </Typography.Text>
            </div>
          ))}
        </div>
      ),
    });
    if (!ok) return;
    setSubmitting(true);
    const failures: string[] = [];
    const inputOf = (c: DispatchableCase) => ({
      caseId: c.id,
      leadDepartmentId: values.leadDepartmentId,
      assistDepartmentIds: assist,
      note: values.note?.trim() || undefined,
      expectedVersion: c.handling?.version,
    });
    if (single) {
      try {
        await dispatchCase({ variables: { input: inputOf(single) } });
      } catch (e) {
        failures.push(`${single.externalNo}：${actionErrorMessage(e)}`);
      }
    } else {
      try {
        const { data: result } = await dispatchCases({ variables: { inputs: cases.map(inputOf) } });
        for (const r of result?.dispatchCases ?? []) {
          if (r.ok) continue;
          const no = cases.find((c) => c.id === r.caseId)?.externalNo ?? r.caseId;
          failures.push(`${no}：${r.message && /[\u4e00-\u9fff]/.test(r.message) ? r.message : '分转失败，请刷新后重试'}`);
        }
      } catch (e) {
        cases.forEach((c) => failures.push(`${c.externalNo}：${actionErrorMessage(e)}`));
      }
    }
    setSubmitting(false);
    const done = cases.length - failures.length;
    if (done > 0) message.success(`已分转 ${done} 件工单至${nameOf(values.leadDepartmentId)}`);
    if (failures.length > 0) {
      modal.error({
        title: `${failures.length} 件工单分转失败`,
        content: failures.map((f) => <div key={f}>{f}</div>),
        okText: '知道了',
      });
    }
    onDone?.();
    onClose();
  };

  return (
    <Modal
      open={open}
      title={cases.length === 1 ? `分转工单 ${cases[0].externalNo}` : `批量分转 ${cases.length} 件工单`}
      okText="分转"
      cancelText="取消"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'dispatch-submit' }}
      width={680}
      destroyOnHidden
    >
      <div data-testid="dispatch-modal">
        {cases.length > 1 && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>
            {cases.map((c) => c.externalNo).join('、')}
          </Typography.Paragraph>
        )}
        {error && <Typography.Text type="danger">{errorMessage(error)}</Typography.Text>}
        {single && !suggestionQuery.loading && <SuggestionPanel s={suggestion} nameOf={nameOf} />}
        <Form<DispatchForm> form={form} layout="vertical" preserve={false}>
          <Form.Item name="leadDepartmentId" label="主办科室" rules={[{ required: true, message: '请选择主办科室' }]}>
            <Select options={options} loading={loading} placeholder="请选择主办科室" showSearch optionFilterProp="label" data-testid="dispatch-lead-select" />
          </Form.Item>
          {leadWarnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: -12, marginBottom: 16 }}
              data-testid="dispatch-returned-warning"
              message="所选主办科室曾退回此工单"
              description={leadWarnings.map((w) => (
                <div key={w}>{w}</div>
              ))}
            />
          )}
          <Form.Item name="assistDepartmentIds" label="协办科室（可选）">
            <Select
              mode="multiple"
              options={options.filter((o) => o.value !== lead)}
              loading={loading}
              placeholder="可选择一个或多个协办科室"
              optionFilterProp="label"
              data-testid="dispatch-assist-select"
            />
          </Form.Item>
          <Form.Item name="note" label="分转说明（可选）">
            <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：诉求涉及的具体事项、办理要求" data-testid="dispatch-note" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
