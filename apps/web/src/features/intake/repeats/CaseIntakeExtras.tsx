// The intake additions to the case page, kept here so the page itself changes by two lines.
import { Card, Space } from 'antd';
import { useCurrentUser } from '../../auth/AuthContext';
import { ReclassifyButton } from '../admin/ReclassifyButton';
import { RevealCitizenButton } from '../personal/RevealCitizenButton';
import { RevealLogTable } from '../personal/RevealLogTable';
import { REVEAL_ROLES } from '../personal/types';
import type { CaseDetail } from '../../../shared/types';
import { CaseIntakePanel } from './CaseIntakePanel';

/** Toolbar: 查看联系方式 (duty, handler, callback) and 更正分类 (duty, supervisor). */
export function CaseIntakeActions({ c, onChanged }: { c: CaseDetail; onChanged(): void }) {
  const user = useCurrentUser();
  const canReveal = (REVEAL_ROLES as readonly string[]).includes(user.role);
  const canReclassify = user.role === 'duty' || user.role === 'supervisor';
  if (!canReveal && !canReclassify) return null;
  return (
    <Space>
      {canReveal && <RevealCitizenButton caseId={c.id} externalNo={c.externalNo} />}
      {canReclassify && <ReclassifyButton c={c} onDone={onChanged} />}
    </Space>
  );
}

/** Body: 受理信息, 关联工单, 办结反馈, and for the admin the 查看记录 of this case. */
export function CaseIntakeSection({ c }: { c: CaseDetail }) {
  const user = useCurrentUser();
  return (
    <>
      <CaseIntakePanel caseId={c.id} />
      {user.role === 'admin' && (
        <Card size="small" title="个人信息查看记录" style={{ marginTop: 16 }} data-testid="case-reveal-log">
          <RevealLogTable caseId={c.id} limit={100} />
        </Card>
      )}
    </>
  );
}
