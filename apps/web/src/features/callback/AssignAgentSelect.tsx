import { App, Select } from 'antd';
import { useMutation, useQuery } from '@apollo/client';
import { callbackError } from './errors';
import { ASSIGN_TASK_MUTATION, CALLBACK_AGENTS_QUERY } from './queries';
import type { CallbackTask } from './types';

/** 分配回访员 (supervisor, admin): picks one of the active 回访员 for a task, or takes it back. */
export function AssignAgentSelect({ task }: { task: CallbackTask }) {
  const { message } = App.useApp();
  const agents = useQuery(CALLBACK_AGENTS_QUERY, { fetchPolicy: 'cache-first' });
  const [assign, assigning] = useMutation(ASSIGN_TASK_MUTATION, { refetchQueries: 'active' });
  const onChange = async (agentId: string | undefined) => {
    try {
      await assign({ variables: { taskId: task.id, agentId: agentId ?? null } });
      message.success(agentId ? `已分配 ${task.externalNo}` : `已收回 ${task.externalNo}`);
    } catch (e) {
      message.error(callbackError(e));
    }
  };
  return (
    <Select
      size="small"
      allowClear
      style={{ width: 140 }}
      placeholder="分配回访员"
      loading={agents.loading || assigning.loading}
      value={task.assignee?.id}
      options={(agents.data?.callbackAgents ?? []).map((a) => ({ value: a.id, label: a.displayName || a.username }))}
      onChange={(v: string | undefined) => void onChange(v)}
      data-testid={`assign-${task.externalNo}`}
    />
  );
}
