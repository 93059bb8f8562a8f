import { Tag } from 'antd';
import type { TrackedTask } from './types';

/** 办理中 / 已完成, and 超期 when the due time has passed (or the task was done late). */
export function TaskStatus({ t }: { t: Pick<TrackedTask, 'status' | 'overdue'> }) {
  return (
    <>
      {t.status === 'done' ? <Tag color="green">已完成</Tag> : <Tag color="blue">办理中</Tag>}
      {t.overdue && <Tag color="red">超期</Tag>}
    </>
  );
}
